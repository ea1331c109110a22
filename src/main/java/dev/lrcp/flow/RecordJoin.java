package dev.lrcp.flow;

import dev.lrcp.llm.Deadlines.Deadline;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Joins a call's record with its background score, whichever arrives first, and publishes the
 * record exactly once: with the score, or without it ({@code unscored: late}) once the wait is
 * over. Lock-free: the state moves from empty to the first half to done, and the second half or the
 * deadline, whichever wins the compare-and-set, publishes.
 */
final class RecordJoin implements QualityLater {

  static final String LATE = "late";
  private static final Object DONE = new Object();

  private final AtomicReference<Object> state = new AtomicReference<>();
  private volatile Consumer<CallRecord> publish;
  private volatile Deadline deadline = Deadline.NONE;

  /** The flow's half: the record without quality, and how to publish it. */
  void record(
      CallRecord record, Consumer<CallRecord> publish, Function<Runnable, Deadline> waitUntil) {
    this.publish = publish;
    if (state.compareAndSet(null, record)) {
      deadline = waitUntil.apply(this::expire);
      return;
    }
    if (state.get() instanceof CallRecord.Quality q && state.compareAndSet(q, DONE)) {
      publish.accept(record.withQuality(q));
    }
  }

  @Override
  public void complete(CallRecord.Quality quality) {
    if (state.compareAndSet(null, quality)) {
      return;
    }
    if (state.get() instanceof CallRecord r && state.compareAndSet(r, DONE)) {
      deadline.cancel();
      publish.accept(r.withQuality(quality));
    }
  }

  /** Publishes the record without its score unless it was published already. */
  void expire() {
    if (state.get() instanceof CallRecord r && state.compareAndSet(r, DONE)) {
      publish.accept(r.withQuality(CallRecord.Quality.unscored(LATE)));
    }
  }
}
