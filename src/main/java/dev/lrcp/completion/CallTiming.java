package dev.lrcp.completion;

import dev.lrcp.llm.StreamListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times one call the way the telemetry decorator does (monotonic clock, first streamed delta as the
 * first token), so the latency in a response matches the one in metrics within microseconds.
 */
final class CallTiming implements StreamListener {

  private final long start = System.nanoTime();
  private final AtomicLong firstToken = new AtomicLong();
  private volatile long end;

  @Override
  public void onText(String delta) {
    firstToken.compareAndSet(0, System.nanoTime());
  }

  void stop() {
    end = System.nanoTime();
  }

  long latencyMs() {
    return TimeUnit.NANOSECONDS.toMillis(end - start);
  }

  /** Equals the latency when the provider delivered the whole text at once. */
  long timeToFirstTokenMs() {
    long first = firstToken.get();
    return first == 0 ? latencyMs() : TimeUnit.NANOSECONDS.toMillis(first - start);
  }
}
