package dev.lrcp.llm.openai;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A streamed response body handed line by line from the HTTP client's selector thread to the
 * calling thread, which reads, forwards and may block on its own client; the selector never does.
 * At most {@value #WINDOW} lines are requested ahead of the reader, so a slow reader slows the
 * upstream read instead of buffering the stream.
 */
final class StreamedLines implements Flow.Subscriber<String> {

  static final int WINDOW = 32;
  private static final Object END = new Object();

  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;
  private volatile int status;

  /** Records the status when the headers arrive, then subscribes this to the body's lines. */
  BodyHandler<Void> handler() {
    return info -> {
      status = info.statusCode();
      return BodySubscribers.fromLineSubscriber(this, s -> null, StandardCharsets.UTF_8, "\n");
    };
  }

  int status() {
    return status;
  }

  /**
   * The next line, waiting for it; null once the body has ended, failed or the exchange stopped
   * before it (the HTTP client's future then says why).
   */
  String take() throws InterruptedException {
    Object next = queue.take();
    if (next == END) {
      queue.add(END); // every later take sees the end too
      return null;
    }
    subscription.request(1);
    return (String) next;
  }

  /** The exchange is over, whichever way: wakes a waiting reader. */
  void end() {
    queue.add(END);
  }

  /** Stops reading: the client drops the connection rather than drain an unwanted body. */
  void cancel() {
    cancelled = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    end();
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (cancelled) {
      s.cancel();
    } else {
      s.request(WINDOW);
    }
  }

  @Override
  public void onNext(String line) {
    queue.add(line);
  }

  @Override
  public void onError(Throwable throwable) {
    end();
  }

  @Override
  public void onComplete() {
    end();
  }
}
