package dev.lrcp.flow;

import dev.lrcp.llm.StreamListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times one model call on the monotonic clock: the latency, and the time until the first streamed
 * delta. Wraps the caller's stream only when there is one: a non-streaming call has no first token
 * before its answer (time to first token = latency), and wrapping none would make an adapter stream
 * from the upstream just to be timed.
 */
final class CallTiming {

  private final long start = System.nanoTime();
  private final AtomicLong firstToken = new AtomicLong();
  private long end;

  StreamListener wrap(StreamListener downstream) {
    if (downstream == StreamListener.NONE) {
      return downstream;
    }
    return delta -> {
      firstToken.compareAndSet(0, System.nanoTime());
      downstream.onText(delta);
    };
  }

  void stop() {
    end = System.nanoTime();
  }

  long latencyMs() {
    return TimeUnit.NANOSECONDS.toMillis(end - start);
  }

  boolean streamed() {
    return firstToken.get() != 0;
  }

  long timeToFirstTokenMs() {
    long first = firstToken.get();
    return first == 0 ? latencyMs() : TimeUnit.NANOSECONDS.toMillis(first - start);
  }
}
