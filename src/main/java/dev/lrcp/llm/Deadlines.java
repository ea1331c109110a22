package dev.lrcp.llm;

import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One timer wheel for the deadlines of every call (attempt timeouts, whole-response bounds).
 * Setting and cancelling a deadline only queues the change for the wheel's thread, which ticks
 * every 10 ms, so a deadline fires up to a tick late. A {@code ScheduledThreadPoolExecutor}, or a
 * virtual thread's timed wait, woke a scheduler thread on every call, since each new deadline
 * became the head of its queue, and again when it was cancelled.
 */
public final class Deadlines {

  private static final HashedWheelTimer WHEEL =
      new HashedWheelTimer(
          Thread.ofPlatform().name("lrcp-deadlines").daemon().factory(),
          10,
          TimeUnit.MILLISECONDS,
          512);

  /** A deadline that may still be cancelled. */
  @FunctionalInterface
  public interface Deadline {
    /** No deadline. */
    Deadline NONE = () -> {};

    /** Cancels the action if it has not run yet. */
    void cancel();
  }

  private Deadlines() {}

  /** Runs {@code action} on the wheel's thread once {@code nanos} have passed. */
  public static Deadline after(long nanos, Runnable action) {
    return WHEEL.newTimeout(t -> action.run(), nanos, TimeUnit.NANOSECONDS)::cancel;
  }

  public static Deadline after(Duration delay, Runnable action) {
    return after(delay.toNanos(), action);
  }
}
