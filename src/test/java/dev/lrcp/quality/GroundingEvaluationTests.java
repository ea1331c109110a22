package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Guards the measured grounding figures (docs/signals.md) against regressions. Reads the
 * development data from ../shared/data and fails if it is missing.
 */
class GroundingEvaluationTests {

  @Test
  void groundingQualityStaysAboveItsFloor() {
    GroundingEvaluation.Report r =
        GroundingEvaluation.run(SharedModel.miniLm(), GroundingWeights.DEFAULT, 0.5);

    assertThat(r.crossValidatedAuroc()).isGreaterThanOrEqualTo(0.96);
    assertThat(r.crossValidatedAurocBySubset().get("halueval-qa")).isGreaterThanOrEqualTo(0.97);
    assertThat(r.crossValidatedAurocBySubset().get("begin-wow")).isGreaterThanOrEqualTo(0.90);
    assertThat(r.auroc()).isGreaterThanOrEqualTo(0.96);
  }
}
