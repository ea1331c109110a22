package dev.lrcp.stream;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * One open stream. The publisher only offers frames to a bounded queue; a virtual thread of this
 * subscriber writes them, so a slow client blocks nobody but itself. A client that falls {@link
 * #QUEUE} frames behind is disconnected and resumes with {@code Last-Event-ID}.
 */
final class Subscriber {

  static final int QUEUE = 256;
  private static final byte[] CLOSE = new byte[0];

  private final ResponseBodyEmitter emitter;
  private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Consumer<Subscriber> onClose;
  private volatile boolean closed;

  Subscriber(ResponseBodyEmitter emitter, Consumer<Subscriber> onClose) {
    this.emitter = emitter;
    this.onClose = onClose;
    emitter.onCompletion(this::closed);
    emitter.onTimeout(this::closed);
    emitter.onError(e -> closed());
  }

  void start() {
    Thread.ofVirtual().name("insights-stream").start(this::drain);
  }

  /** Never blocks: a full queue ends this subscription. */
  void offer(byte[] frame) {
    if (!closed && !queue.offer(frame)) {
      close();
    }
  }

  /** Ends the response; the client reconnects. */
  void close() {
    if (!closed) {
      closed();
      emitter.complete();
    }
  }

  boolean isClosed() {
    return closed;
  }

  private void closed() {
    if (!closed) {
      closed = true;
      queue.clear();
      queue.offer(CLOSE);
      onClose.accept(this);
    }
  }

  private void drain() {
    try {
      while (!closed) {
        byte[] frame = queue.take();
        if (frame == CLOSE) {
          return;
        }
        emitter.send(frame, MediaType.APPLICATION_OCTET_STREAM);
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away (or the response already completed); the container ends the request
      closed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
    }
  }
}
