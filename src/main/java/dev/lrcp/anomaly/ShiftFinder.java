package dev.lrcp.anomaly;

import dev.lrcp.flow.CallRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a measure moved up in a time-ordered series of calls: the CUSUM change point, the split
 * {@code k} of the {@code n} values maximising {@code c = k(n−k)/n^1.5 × (mean after − mean before)
 * / σ} (σ the standard deviation of the whole series). Without a shift that statistic behaves like
 * the supremum of a Brownian bridge, so {@code p = exp(−2c²)} holds for the best split of all, not
 * just one fixed in advance. Calls for which the measure is undefined (no grounding score) are
 * skipped.
 */
final class ShiftFinder {

  /** p ≤ 0.05: a weaker split is noise, not a change to explain. */
  static final double MIN_SIGNIFICANCE = 0.95;

  private ShiftFinder() {}

  /** The most significant upward shift with at least {@code minSide} values on each side. */
  static Optional<Shift> find(List<CallRecord> calls, Measure m, int minSide) {
    var observed = observed(calls, m);
    int n = observed.size();
    if (n < 2 * minSide) {
      return Optional.empty();
    }
    double[] prefix = new double[n + 1];
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      double v = value(observed.get(i), m);
      prefix[i + 1] = prefix[i] + v;
      sumSquares += v * v;
    }
    double mean = prefix[n] / n;
    double sigma = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
    if (sigma <= 1e-12 * Math.max(1, Math.abs(mean))) {
      return Optional.empty();
    }
    int best = -1;
    double bestStatistic = 0;
    for (int k = minSide; k <= n - minSide; k++) {
      double before = prefix[k] / k;
      double after = (prefix[n] - prefix[k]) / (n - k);
      double c = (double) k * (n - k) / Math.pow(n, 1.5) * (after - before) / sigma;
      if (c > bestStatistic) {
        bestStatistic = c;
        best = k;
      }
    }
    double significance = 1 - Math.exp(-2 * bestStatistic * bestStatistic);
    if (best < 0 || significance < MIN_SIGNIFICANCE) {
      return Optional.empty();
    }
    return Optional.of(
        new Shift(
            observed.get(best).at(),
            best,
            n - best,
            AnomalyAttributor.value(observed.subList(0, best), m),
            AnomalyAttributor.value(observed.subList(best, n), m),
            significance));
  }

  /** The calls that carry a value of the measure. */
  static List<CallRecord> observed(List<CallRecord> calls, Measure m) {
    var out = new ArrayList<CallRecord>(calls.size());
    for (var c : calls) {
      if (m.additive() || m.denominator().applyAsDouble(c) > 0) {
        out.add(c);
      }
    }
    return out;
  }

  private static double value(CallRecord c, Measure m) {
    double num = m.numerator().applyAsDouble(c);
    return m.additive() ? num : num / m.denominator().applyAsDouble(c);
  }
}
