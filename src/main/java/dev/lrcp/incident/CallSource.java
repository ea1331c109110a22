package dev.lrcp.incident;

import dev.lrcp.flow.CallRecord;
import java.time.Instant;
import java.util.List;

/** Recent calls with their quality and security results, for rules and attribution. */
@FunctionalInterface
public interface CallSource {

  /** Calls with {@code from <= at < to}. */
  List<CallRecord> between(Instant from, Instant to);

  /**
   * Like {@link #between}, but also the calls that are no longer (or not yet, after a restart) in
   * memory, from storage: slower, for a look-back the recent calls do not cover.
   */
  default List<CallRecord> history(Instant from, Instant to) {
    return between(from, to);
  }
}
