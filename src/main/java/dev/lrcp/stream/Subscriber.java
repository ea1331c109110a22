package dev.lrcp.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One open stream. The publisher only offers frames to a bounded queue; the request's own (virtual)
 * thread writes them in {@link #drainTo}, so a slow client blocks nobody but itself. A client that
 * falls {@link #QUEUE} frames behind is disconnected and resumes with {@code Last-Event-ID}; what
 * it gets on connect (a replay of up to the whole log) comes on top of that bound.
 */
final class Subscriber {

  static final int QUEUE = 256;
  private static final byte[] CLOSE = new byte[0];

  private final BlockingQueue<byte[]> queue;
  private final Consumer<Subscriber> onClose;
  private volatile boolean closed;

  /**
   * @param first what the client gets before any live frame
   */
  Subscriber(List<byte[]> first, Consumer<Subscriber> onClose) {
    this.queue = new LinkedBlockingQueue<>(first.size() + QUEUE);
    this.queue.addAll(first);
    this.onClose = onClose;
  }

  /** Never blocks: a full queue ends this subscription. */
  void offer(byte[] frame) {
    if (!closed && !queue.offer(frame)) {
      close();
    }
  }

  /** Ends the stream; its writer returns and the client reconnects. */
  void close() {
    if (!closed) {
      closed = true;
      queue.clear();
      queue.offer(CLOSE);
      onClose.accept(this);
    }
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Writes frames as they come until the stream is closed or the client goes away (a failed write).
   * Runs on the request's thread for the life of the stream.
   */
  void drainTo(OutputStream out) {
    try {
      while (!closed) {
        byte[] frame = queue.take();
        if (frame == CLOSE) {
          return;
        }
        out.write(frame);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away: nothing left to write to
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
    }
  }
}
