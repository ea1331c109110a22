package dev.lrcp.quality;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket of CPU time for background scoring: it fills at {@code share} CPU-seconds per
 * second up to one second's worth, and is drained by the CPU time scoring really used on its
 * thread. An answer is admitted by reserving the expected cost (a moving average of measured
 * costs), so a burst cannot queue more work than the bucket holds; when the task runs, the
 * reservation is replaced by what it cost. The bucket may go into debt (a task cost more than
 * expected) and then admits nothing until the debt is repaid, so over time scoring uses at most
 * {@code share} of a core.
 */
final class ScoringBudget {

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  // Grounding against a 1,000-character document, p50 CPU on a quiet machine (docs/signals.md).
  private static final long FIRST_ESTIMATE_NANOS = TimeUnit.MILLISECONDS.toNanos(8);
  private static final long MIN_ESTIMATE_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

  private final double share;
  private final long capacity;
  private final LongSupplier wallNanos;
  private final LongSupplier cpuNanos;
  private long tokens;
  private long refilledAt;
  private long expected = FIRST_ESTIMATE_NANOS;

  /**
   * @param share CPU-seconds per second the scoring threads may use together
   * @param wallNanos a monotonic clock (production: {@link System#nanoTime}, which unlike a {@link
   *     java.time.Clock} never jumps)
   * @param cpuNanos CPU time of the calling thread
   */
  ScoringBudget(double share, LongSupplier wallNanos, LongSupplier cpuNanos) {
    this.share = share;
    this.capacity = (long) (share * WINDOW_NANOS);
    this.wallNanos = wallNanos;
    this.cpuNanos = cpuNanos;
    this.tokens = capacity;
    this.refilledAt = wallNanos.getAsLong();
  }

  /** CPU time of the calling thread, or wall time where the JVM cannot measure it (over-counts). */
  static LongSupplier threadCpuTime() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
      return threads::getCurrentThreadCpuTime;
    }
    return System::nanoTime;
  }

  /** Reserves the expected cost of one answer: the nanoseconds reserved, or 0 when spent. */
  synchronized long reserve() {
    long now = wallNanos.getAsLong();
    tokens = Math.min(capacity, tokens + (long) (Math.max(0, now - refilledAt) * share));
    refilledAt = now;
    if (tokens <= 0) {
      return 0;
    }
    tokens -= expected;
    return expected;
  }

  /** Runs {@code task} on this thread and charges its CPU time in place of its reservation. */
  void spend(long reserved, Runnable task) {
    long start = cpuNanos.getAsLong();
    try {
      task.run();
    } finally {
      charge(reserved, Math.max(0, cpuNanos.getAsLong() - start));
    }
  }

  /** Gives back a reservation whose task will not run. */
  synchronized void release(long reserved) {
    tokens += reserved;
  }

  private synchronized void charge(long reserved, long spent) {
    tokens += reserved - spent;
    expected = Math.max(MIN_ESTIMATE_NANOS, expected + (spent - expected) / 8);
  }
}
