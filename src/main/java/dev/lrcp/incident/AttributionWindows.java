package dev.lrcp.incident;

import dev.lrcp.flow.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What attribution compares: the rule window against the trailing baseline; while the baseline is
 * too thin (a service started minutes ago), the recent half of the window against everything before
 * it, so that there is still a "before" to explain the shift against.
 *
 * @param scale recent span over the span actually covered by the "before" calls
 */
record AttributionWindows(List<CallRecord> before, List<CallRecord> recent, double scale) {

  static AttributionWindows of(
      List<CallRecord> baseline,
      List<CallRecord> current,
      Instant windowStart,
      Instant halfway,
      int minRequests) {
    boolean thin = baseline.size() < minRequests;
    return split(baseline, current, thin ? halfway : windowStart);
  }

  private static AttributionWindows split(
      List<CallRecord> baseline, List<CallRecord> current, Instant split) {
    var before = new ArrayList<>(baseline);
    var recent = new ArrayList<CallRecord>();
    Instant last = split;
    for (var c : current) {
      (c.at().isBefore(split) ? before : recent).add(c);
      last = c.at().isAfter(last) ? c.at() : last;
    }
    if (before.isEmpty() || recent.isEmpty()) {
      return new AttributionWindows(before, recent, 1);
    }
    Instant earliest = before.stream().map(CallRecord::at).min(Instant::compareTo).orElse(split);
    double beforeMs = Math.max(Duration.between(earliest, split).toMillis(), 1_000);
    double recentMs = Math.max(Duration.between(split, last).toMillis(), 1_000);
    return new AttributionWindows(before, recent, recentMs / beforeMs);
  }
}
