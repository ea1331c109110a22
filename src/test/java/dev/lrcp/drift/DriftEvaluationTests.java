package dev.lrcp.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards the drift figures in docs/insights.md on generated Beta score streams. */
class DriftEvaluationTests {

  @Test
  void fewFalseWarningsAndShortDelays() {
    List<DriftEvaluation.Delay> delays = DriftEvaluation.delays();

    assertThat(DriftEvaluation.falseWarningsPer10k()).isLessThanOrEqualTo(1.0);
    assertThat(delays).extracting(DriftEvaluation.Delay::median).containsExactly(62.0, 21.0, 8.0);
    assertThat(delays).allSatisfy(d -> assertThat(d.missed()).isLessThanOrEqualTo(0.02));
  }
}
