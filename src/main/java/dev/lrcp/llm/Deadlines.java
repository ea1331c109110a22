package dev.lrcp.llm;

import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One timer wheel for the deadlines of every call (attempt timeouts, whole-response bounds, a
 * record waiting for its score). Setting and cancelling a deadline only queues the change for the
 * wheel's thread, which ticks every 10 ms, so a deadline fires up to a tick late; a scheduled
 * executor would wake its thread on every call instead (docs/adr/0006-data-plane.md). One instance
 * per application context, stopped with it.
 */
public final class Deadlines implements AutoCloseable {

  private final HashedWheelTimer wheel =
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

  /** Runs {@code action} on the wheel's thread once {@code nanos} have passed. */
  public Deadline after(long nanos, Runnable action) {
    return wheel.newTimeout(t -> action.run(), nanos, TimeUnit.NANOSECONDS)::cancel;
  }

  public Deadline after(Duration delay, Runnable action) {
    return after(delay.toNanos(), action);
  }

  /** Stops the wheel; deadlines not yet fired never fire. */
  @Override
  public void close() {
    wheel.stop();
  }
}
