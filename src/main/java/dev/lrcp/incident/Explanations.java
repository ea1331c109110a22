package dev.lrcp.incident;

import dev.lrcp.anomaly.Attribution;
import dev.lrcp.anomaly.Cause;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When an incident's explanation has changed enough to note in its timeline: its leading cause (the
 * one the runbook acts on) is another one. Shares and confidence move with every refresh and are
 * not noted.
 */
final class Explanations {

  private Explanations() {}

  static boolean sameLead(Attribution before, Attribution now) {
    return Objects.equals(lead(before), lead(now));
  }

  /** "traffic injected accounts for 100% of … (confidence 97%)". */
  static String note(Attribution a) {
    return String.format(
        Locale.ROOT, "%s (confidence %d%%)", a.summary(), Math.round(a.confidence() * 100));
  }

  private static Optional<String> lead(Attribution a) {
    return Optional.ofNullable(a)
        .flatMap(Attribution::top)
        .map((Cause c) -> c.dimension() + "=" + c.value());
  }
}
