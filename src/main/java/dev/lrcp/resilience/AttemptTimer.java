package dev.lrcp.resilience;

import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Bounds one attempt in time. The attempt runs on the caller's own (virtual) thread — handing it to
 * another thread and back cost two scheduling rounds per call on a busy machine — and a shared
 * timer ({@link Deadlines}) interrupts that thread at the deadline, which ends sleeps and JDK HTTP
 * exchanges. An attempt that ends after its deadline is a timeout, whatever it returned.
 *
 * <p>For a whole answer the timeout bounds the call. For a stream it bounds the wait for each delta
 * (the first one included): every delta moves the deadline out by the timeout again, so a long
 * answer that keeps arriving is never cut off, while an upstream that goes silent still is.
 */
final class AttemptTimer {

  private final Duration timeout;
  private final String provider;
  private final Deadlines deadlines;

  AttemptTimer(Duration timeout, String provider, Deadlines deadlines) {
    this.timeout = timeout;
    this.provider = provider;
    this.deadlines = deadlines;
  }

  /**
   * When the call last received a delta; one per call, beaten by the call's stream listener (the
   * request itself stays the same object across attempts: fault injection keys on it).
   */
  static final class Pulse {
    private volatile long last;

    void beat() {
      last = System.nanoTime();
    }
  }

  LlmResponse call(LlmClient delegate, LlmRequest request, Pulse pulse) {
    var attempt = new Attempt(Thread.currentThread(), timeout.toNanos(), pulse, deadlines);
    LlmResponse response;
    try {
      response = delegate.generate(request);
    } catch (LlmException | CancellationException e) {
      if (attempt.finish()) {
        throw e; // the listener's consumer went away: propagate unchanged (see StreamListener)
      }
      throw timedOut(request, e);
    } catch (RuntimeException e) {
      if (attempt.finish()) {
        throw unwrap(request, provider, e);
      }
      throw timedOut(request, e);
    } finally {
      attempt.disarm();
    }
    if (!attempt.finish()) {
      throw timedOut(request, null);
    }
    return response;
  }

  private LlmException timedOut(LlmRequest request, Throwable cause) {
    return new LlmException(
        LlmFailure.TIMEOUT, request.model(), provider, "no answer within " + timeout, cause);
  }

  /** A non-LlmException from below is a defect there; report it as an upstream error, not a 500. */
  private static LlmException unwrap(LlmRequest request, String provider, Throwable cause) {
    if (cause instanceof LlmException e) {
      return e;
    }
    return new LlmException(
        LlmFailure.UPSTREAM_ERROR, request.model(), provider, "provider call failed", cause);
  }

  /**
   * The race between the attempt finishing and its deadline. The interrupt is delivered under the
   * lock, so once {@link #finish} returns false the interrupt has landed and can be cleared: it
   * never leaks into the caller's next piece of work.
   */
  private static final class Attempt {
    private final Thread thread;
    private final long timeoutNanos;
    private final long start;
    private final Pulse pulse;
    private final Deadlines deadlines;
    private Deadlines.Deadline timer;
    private boolean done;
    private boolean expired;

    Attempt(Thread thread, long timeoutNanos, Pulse pulse, Deadlines deadlines) {
      this.thread = thread;
      this.timeoutNanos = timeoutNanos;
      this.start = System.nanoTime();
      this.pulse = pulse;
      this.deadlines = deadlines;
      arm(timeoutNanos);
    }

    /**
     * The timer fired: interrupt, unless a delta arrived since (each delta restarts the timeout,
     * with no timer work on the delta's path), then wait for the moved deadline.
     */
    synchronized void expire() {
      if (done) {
        return;
      }
      long lastDelta = pulse.last;
      long from = lastDelta != 0 && lastDelta - start > 0 ? lastDelta : start;
      long left = from + timeoutNanos - System.nanoTime();
      if (left > 0) {
        arm(left);
        return;
      }
      expired = true;
      thread.interrupt();
    }

    synchronized void disarm() {
      timer.cancel();
    }

    private synchronized void arm(long nanos) {
      timer = deadlines.after(nanos, this::expire);
    }

    /**
     * True when the attempt finished in time; false (and the interrupt cleared) when it expired.
     */
    synchronized boolean finish() {
      done = true;
      if (expired) {
        Thread.interrupted();
        return false;
      }
      return true;
    }
  }
}
