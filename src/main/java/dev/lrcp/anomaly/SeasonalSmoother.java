package dev.lrcp.anomaly;

import java.util.Arrays;

/**
 * Additive Holt-Winters without trend: a level plus a profile over the buckets of one season (a day
 * or a week), bucketed by clock time so a missing point does not shift the phase.
 */
final class SeasonalSmoother extends Predictor {

  private static final double LEVEL_RATE = 0.05;
  private static final double PROFILE_RATE = 0.2;

  private final SeasonBuckets buckets;
  private final double[] profile;
  private double level = Double.NaN;
  private int filled;

  SeasonalSmoother(SeasonBuckets buckets, int scaleWindow) {
    super(scaleWindow);
    this.buckets = buckets;
    this.profile = new double[buckets.count()];
    Arrays.fill(profile, Double.NaN);
  }

  @Override
  boolean ready() {
    return buckets.mostlyFilled(filled) && super.ready();
  }

  @Override
  double expect(long t) {
    double s = profile[buckets.of(t)];
    return Double.isNaN(s) || Double.isNaN(level) ? Double.NaN : level + s;
  }

  @Override
  void learn(long t, double value) {
    int b = buckets.of(t);
    if (Double.isNaN(level)) {
      level = value;
    }
    if (Double.isNaN(profile[b])) {
      profile[b] = value - level;
      filled++;
      return;
    }
    level += LEVEL_RATE * (value - profile[b] - level);
    profile[b] += PROFILE_RATE * (value - level - profile[b]);
  }
}
