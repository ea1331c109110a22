package dev.lrcp.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.anomaly.NabScorer.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards the detector's NAB figures on the development files (docs/insights.md). Reads {@code
 * ../shared/data/nab-dev} (or {@code -Dlrcp.data.dir}) and fails when it is missing.
 */
class NabEvaluationTests {

  @Test
  void nabDevScoresStayAboveTheirFloors() {
    NabCorpus corpus = NabCorpus.load();

    Map<Profile, Double> score = NabScorer.normalised(corpus, NabEvaluation.run(corpus));

    assertThat(corpus.files()).hasSize(34);
    assertThat(score.get(Profile.STANDARD)).isGreaterThanOrEqualTo(62.0);
    assertThat(score.get(Profile.LOW_FP)).isGreaterThanOrEqualTo(57.0);
    assertThat(score.get(Profile.LOW_FN)).isGreaterThanOrEqualTo(66.0);
  }
}
