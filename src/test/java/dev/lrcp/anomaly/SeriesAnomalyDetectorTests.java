package dev.lrcp.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeriesAnomalyDetectorTests {

  static final long START = 1_700_000_000L;
  static final int FIVE_MINUTES = 300;
  static final int PER_DAY = 288;

  /** A daily sine at five-minute intervals with seeded Gaussian noise. */
  static double[] daily(int n, double noise, long seed) {
    var random = new SplittableRandom(seed);
    return IntStream.range(0, n)
        .mapToDouble(i -> 100 + 30 * Math.sin(2 * Math.PI * i / PER_DAY) + noise * gaussian(random))
        .toArray();
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  static long[] times(int n) {
    return IntStream.range(0, n).mapToLong(i -> START + (long) FIVE_MINUTES * i).toArray();
  }

  static boolean[] flags(double[] values) {
    AnomalyScore[] s = SeriesAnomalyDetector.scoreAll(times(values.length), values);
    boolean[] out = new boolean[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i].anomaly();
    }
    return out;
  }

  static long count(boolean[] flags, int from, int to) {
    return IntStream.range(from, to).filter(i -> flags[i]).count();
  }

  @Test
  void flagsASpikeInANoisySeasonalSeriesAndLittleElse() {
    double[] values = daily(10 * PER_DAY, 3, 1);
    int spike = 8 * PER_DAY + 100;
    values[spike] += 40;

    boolean[] flags = flags(values);

    assertThat(flags[spike]).isTrue();
    assertThat(count(flags, 2 * PER_DAY, values.length) - 1).isLessThanOrEqualTo(3);
  }

  @Test
  void flagsALevelShiftSoonAfterItStarts() {
    double[] values = daily(10 * PER_DAY, 3, 2);
    int shift = 7 * PER_DAY;
    for (int i = shift; i < values.length; i++) {
      values[i] += 25;
    }

    boolean[] flags = flags(values);

    assertThat(count(flags, shift, shift + 12)).isPositive();
    assertThat(count(flags, 2 * PER_DAY, shift)).isLessThanOrEqualTo(2);
  }

  @Test
  void aDipThatIsNormalAtOneHourIsAnomalousAtAnother() {
    double[] values = daily(10 * PER_DAY, 1, 3);
    int peak = 8 * PER_DAY + PER_DAY / 4;
    values[peak] -= 50;

    boolean[] flags = flags(values);

    assertThat(values[peak]).isBetween(values[8 * PER_DAY + 3 * PER_DAY / 4] - 5, 110.0);
    assertThat(flags[peak]).isTrue();
  }

  @Test
  void scoringAPrefixGivesTheSameScoresAsTheWholeSeries() {
    double[] values = daily(6 * PER_DAY, 5, 4);
    values[5 * PER_DAY] += 80;
    long[] times = times(values.length);

    AnomalyScore[] whole = SeriesAnomalyDetector.scoreAll(times, values);
    for (int prefix : new int[] {1, 17, PER_DAY + 5, 5 * PER_DAY + 1}) {
      AnomalyScore[] part =
          SeriesAnomalyDetector.scoreAll(
              Arrays.copyOf(times, prefix), Arrays.copyOf(values, prefix));
      assertThat(part).containsExactly(Arrays.copyOf(whole, prefix));
    }
  }

  @Test
  void aFlatSeriesIsNeverAnomalousAndScoresStayInTheUnitInterval() {
    double[] flat = new double[3 * PER_DAY];
    Arrays.fill(flat, 7);
    double[] noisy = daily(5 * PER_DAY, 20, 5);
    noisy[4 * PER_DAY] = 1e6;

    assertThat(count(flags(flat), 0, flat.length)).isZero();
    assertThat(SeriesAnomalyDetector.scoreAll(times(noisy.length), noisy))
        .allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
  }

  @Test
  void scoresOneHundredThousandPointsInOnePass() {
    double[] values = daily(100_000, 3, 6);
    long start = System.nanoTime();

    AnomalyScore[] scores = SeriesAnomalyDetector.scoreAll(times(values.length), values);

    assertThat(scores).hasSize(100_000);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10.0);
  }
}
