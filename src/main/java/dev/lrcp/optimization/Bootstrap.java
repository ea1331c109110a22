package dev.lrcp.optimization;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Percentile bootstrap over independent units (calls, or groups of calls): the spread of a sum or a
 * mean when the units are drawn again with replacement. Seeded by the caller, so a report can be
 * reproduced.
 */
final class Bootstrap {

  static final int RESAMPLES = 400;

  private final RandomGenerator random;

  Bootstrap(RandomGenerator random) {
    this.random = random;
  }

  /** The sum of {@code units} and its distribution under resampling. */
  Distribution sum(double[] units) {
    double[] sums = new double[RESAMPLES];
    for (int b = 0; b < RESAMPLES; b++) {
      sums[b] = resampledSum(units);
    }
    return new Distribution(Arrays.stream(units).sum(), sums);
  }

  /** The mean of {@code units} and its distribution under resampling; null when empty. */
  Distribution mean(double[] units) {
    if (units.length == 0) {
      return null;
    }
    double[] means = new double[RESAMPLES];
    for (int b = 0; b < RESAMPLES; b++) {
      means[b] = resampledSum(units) / units.length;
    }
    return new Distribution(Arrays.stream(units).average().orElseThrow(), means);
  }

  /** {@code mean(after) - mean(before)}, each window resampled on its own; null if one is empty. */
  Distribution meanDifference(double[] before, double[] after) {
    if (before.length == 0 || after.length == 0) {
      return null;
    }
    double[] diffs = new double[RESAMPLES];
    for (int b = 0; b < RESAMPLES; b++) {
      diffs[b] = resampledSum(after) / after.length - resampledSum(before) / before.length;
    }
    double point =
        Arrays.stream(after).average().orElseThrow()
            - Arrays.stream(before).average().orElseThrow();
    return new Distribution(point, diffs);
  }

  private double resampledSum(double[] units) {
    double sum = 0;
    for (int i = 0; i < units.length; i++) {
      sum += units[random.nextInt(units.length)];
    }
    return sum;
  }

  /** A statistic and its resampled values. */
  record Distribution(double point, double[] resampled) {

    Distribution {
      resampled = resampled.clone();
      Arrays.sort(resampled);
    }

    double low() {
      return quantile(0.025);
    }

    double high() {
      return quantile(0.975);
    }

    /** The share of resamples at or above {@code threshold}. */
    double shareAtLeast(double threshold) {
      long n = Arrays.stream(resampled).filter(v -> v >= threshold).count();
      return n / (double) resampled.length;
    }

    Distribution scaled(double factor) {
      double[] values = Arrays.stream(resampled).map(v -> v * factor).toArray();
      return new Distribution(point * factor, values);
    }

    private double quantile(double q) {
      int i = (int) Math.floor(q * (resampled.length - 1));
      return resampled[Math.max(0, Math.min(resampled.length - 1, i))];
    }
  }
}
