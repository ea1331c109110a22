package dev.lrcp.forecast;

import java.util.Arrays;

/** Empirical quantiles with linear interpolation between order statistics. */
final class Quantiles {

  private Quantiles() {}

  static double of(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
