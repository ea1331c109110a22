package dev.lrcp.anomaly;

import java.util.List;

/**
 * Why a measure shifted: the dimension values that explain it, most surprising first.
 *
 * @param baseline the measure over the baseline window (null when the baseline was empty)
 * @param current the measure over the current window
 * @param confidence 0..1: explanatory power of the top cause times its surprise share against the
 *     runner-up dimension
 */
public record Attribution(
    String measure,
    Double baseline,
    Double current,
    String summary,
    double confidence,
    List<Cause> causes) {

  public Attribution {
    causes = List.copyOf(causes);
  }

  public static Attribution none(String measure, Double baseline, Double current, String why) {
    return new Attribution(measure, baseline, current, why, 0.0, List.of());
  }

  /** The leading cause, if any. */
  public java.util.Optional<Cause> top() {
    return causes.stream().findFirst();
  }
}
