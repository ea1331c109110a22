package dev.lrcp.insights;

import dev.lrcp.anomaly.Attribution;
import dev.lrcp.health.Scope;
import java.time.Instant;

/**
 * The sentence of a story: "p95 latency on model m rose to 5,310 ms at 2026-11-28T08:12:30Z,
 * against 1,010 ms to 1,190 ms in the 10 minutes before", then the attribution's summary when a
 * dimension value explains the change.
 */
final class StoryText {

  private StoryText() {}

  /**
   * The anomalous bucket at {@code at} (epoch seconds) and its value; the band from the buckets
   * since {@code bandFrom}.
   */
  record Change(long at, long bandFrom, double value, double low, double high) {}

  static String of(LiveMeasure m, Scope scope, Change c, Attribution a) {
    String moved = c.value() > c.high() ? "rose" : c.value() < c.low() ? "fell" : "moved";
    String text =
        InsightsAnalyzer.fmt(
            "%s %s %s to %s at %s, against %s to %s in the %d minutes before",
            m.noun(),
            phrase(scope),
            moved,
            m.format(c.value()),
            Instant.ofEpochSecond(c.at()),
            m.format(c.low()),
            m.format(c.high()),
            Math.round((c.at() - c.bandFrom()) / 60.0));
    return a.causes().isEmpty() ? text : text + "; " + a.summary();
  }

  /** "on model m", "on /qa", "across the service". */
  static String phrase(Scope s) {
    if (s.endpoint() != null && s.model() != null) {
      return "on " + s.endpoint() + " with model " + s.model();
    }
    if (s.endpoint() != null) {
      return "on " + s.endpoint();
    }
    return s.model() != null ? "on model " + s.model() : "across the service";
  }
}
