package dev.lrcp.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreDriftDetectorTests {

  @Test
  void aDropIsWarnedSoonWithItsDirectionSizeAndStart() {
    double[] scores = new BetaScores(1).stream(2_000, 0.8, 0.6, 1_000);

    List<DriftWarning> warnings = ScoreDriftDetector.scan(scores);

    assertThat(warnings).hasSize(1);
    DriftWarning w = warnings.get(0);
    assertThat(w.direction()).isEqualTo(DriftWarning.Direction.DOWN);
    assertThat(w.index()).isBetween(1_000, 1_020);
    assertThat(w.since()).isBetween(990, 1_005);
    assertThat(w.magnitude()).isCloseTo(0.2, within(0.06));
  }

  @Test
  void aRiseIsWarnedAsUp() {
    double[] scores = new BetaScores(2).stream(2_000, 0.6, 0.75, 1_000);

    assertThat(ScoreDriftDetector.scan(scores))
        .first()
        .extracting(DriftWarning::direction)
        .isEqualTo(DriftWarning.Direction.UP);
  }

  @Test
  void aStationaryStreamRaisesAtMostOneWarningInTenThousandScores() {
    double[] scores = new BetaScores(3).stream(10_000, 0.8, 0.8, 10_000);

    assertThat(ScoreDriftDetector.scan(scores)).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void eachWarningIsRaisedAtTheIndexALiveDetectorWouldHaveRaisedIt() {
    double[] scores = new BetaScores(4).stream(3_000, 0.8, 0.7, 1_500);
    DriftWarning first = ScoreDriftDetector.scan(scores).get(0);

    assertThat(ScoreDriftDetector.scan(Arrays.copyOf(scores, first.index()))).isEmpty();
    assertThat(ScoreDriftDetector.scan(Arrays.copyOf(scores, first.index() + 1)))
        .containsExactly(first);
  }

  @Test
  void aConstantStreamIsQuietUntilItMovesThenNeedsFiveClippedScores() {
    double[] scores = new double[1_000];
    Arrays.fill(scores, 1.0);
    Arrays.fill(scores, 600, 1_000, 0.9);

    List<DriftWarning> warnings = ScoreDriftDetector.scan(scores);

    assertThat(warnings).extracting(DriftWarning::index).containsExactly(604);
  }
}
