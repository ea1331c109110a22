package dev.lrcp.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PredictorTests {

  @Test
  void aPredictorWhoseTypicalErrorIsZeroStillGivesAFiniteZScore() {
    var median = new LocalMedian(64, 64);
    for (int i = 0; i < 200; i++) {
      median.update(i, i % 3 == 0 ? 1 : 0);
    }

    assertThat(median.z(200, 0)).isZero();
    assertThat(median.z(200, 5)).isBetween(4.0, 8.0);
  }

  @Test
  void aGaussianSeriesGetsZScoresInUnitsOfItsStandardDeviation() {
    var median = new LocalMedian(64, 1000);
    var random = new SplittableRandom(11);
    for (int i = 0; i < 1000; i++) {
      median.update(i, SeriesAnomalyDetectorTests.gaussian(random));
    }

    assertThat(median.z(1000, 3)).isBetween(2.5, 3.5);
  }
}
