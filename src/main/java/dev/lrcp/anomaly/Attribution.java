package dev.lrcp.anomaly;

import java.time.Instant;
import java.util.List;

/**
 * Why a measure shifted: the dimension values that explain it, most surprising first.
 *
 * @param baseline the measure before the change (null when there was nothing before)
 * @param current the measure since the change
 * @param confidence 0..1: how sure the change is real times how much of it the leading cause
 *     explains (against the runner-up explanation)
 * @param basis what was compared; null for a comparison of two fixed windows
 */
public record Attribution(
    String measure,
    Double baseline,
    Double current,
    String summary,
    double confidence,
    List<Cause> causes,
    Basis basis) {

  public Attribution {
    causes = List.copyOf(causes);
  }

  public static Attribution none(String measure, Double baseline, Double current, String why) {
    return new Attribution(measure, baseline, current, why, 0.0, List.of(), null);
  }

  /** The leading cause, if any. */
  public java.util.Optional<Cause> top() {
    return causes.stream().findFirst();
  }

  /**
   * The calls compared: those of {@code population} before and since the change at {@code since}.
   *
   * @param population {@code scope}: the scope's own calls; {@code service}: the whole service's,
   *     when the scope had no earlier calls of its own to compare with
   * @param significance 1 − p of the change
   */
  public record Basis(
      String population, Instant since, int callsBefore, int callsAfter, double significance) {}
}
