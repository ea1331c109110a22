package dev.lrcp.anomaly;

import java.util.Arrays;

/**
 * Expects the median of the values at the same clock phase in the last few seasons. Unlike {@link
 * SeasonalSmoother} it does not adapt within a season, so a day-long deviation (a holiday, an
 * outage) stays visible for the whole day.
 */
final class SeasonalMedian extends Predictor {

  private final SeasonBuckets buckets;
  private final double[][] past;
  private final int[] count;
  private final double[] scratch;
  private int filled;

  SeasonalMedian(SeasonBuckets buckets, int seasons, int scaleWindow) {
    super(scaleWindow);
    this.buckets = buckets;
    this.past = new double[buckets.count()][seasons];
    this.count = new int[buckets.count()];
    this.scratch = new double[seasons];
  }

  @Override
  boolean ready() {
    return buckets.mostlyFilled(filled) && super.ready();
  }

  @Override
  double expect(long t) {
    int b = buckets.of(t);
    int k = Math.min(count[b], scratch.length);
    if (k < 2) {
      return Double.NaN;
    }
    System.arraycopy(past[b], 0, scratch, 0, k);
    Arrays.sort(scratch, 0, k);
    return k % 2 == 1 ? scratch[k / 2] : (scratch[k / 2 - 1] + scratch[k / 2]) / 2;
  }

  @Override
  void learn(long t, double value) {
    int b = buckets.of(t);
    if (count[b] == 1) {
      filled++;
    }
    past[b][count[b] % scratch.length] = value;
    count[b]++;
  }
}
