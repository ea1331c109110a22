package dev.lrcp.incident;

import dev.lrcp.flow.CallRecord;
import java.time.Instant;
import java.util.List;

/** Recent calls with their quality and security results, for rules and attribution. */
@FunctionalInterface
public interface CallSource {

  /** Calls with {@code from <= at < to}. */
  List<CallRecord> between(Instant from, Instant to);
}
