package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallFixtures;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRequest.Scoring;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.TokenUsage;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ScoreStageTests {

  final LlmResponse answer = LlmResponse.of("Doc.", "m", "fake", TokenUsage.ZERO, "STOP");
  final ArrayList<AnswerScorer.ScoringInput> now = new ArrayList<>();
  final ArrayList<AnswerScorer.Outcome> later = new ArrayList<>();

  final AnswerScorer scorer =
      new AnswerScorer() {
        @Override
        public QualityScores score(ScoringInput input) {
          now.add(input);
          return new QualityScores(0.7, 0.6, true, 1);
        }

        @Override
        public void scoreLater(ScoringInput input, Outcome outcome) {
          later.add(outcome);
        }
      };

  @Test
  void scoresTheReturnedAnswerAgainstTheQuestionAndDocumentBeforeAnswering() {
    var call = CallFixtures.call(CallFixtures.qa(null, Scoring.NOW));

    new ScoreStage(scorer).apply(call, c -> answer);

    assertThat(now).containsExactly(new AnswerScorer.ScoringInput("What?", "Doc.", "Doc."));
    assertThat(call.quality()).isEqualTo(CallRecord.Quality.scored(0.7, 0.6, true));
    assertThat(later).isEmpty();
  }

  @Test
  void scoresLaterWhenAskedAndLeavesTheQualityToTheBackgroundResult() {
    var call = CallFixtures.call(CallFixtures.qa(null, Scoring.LATER));

    new ScoreStage(scorer).apply(call, c -> answer);

    assertThat(now).isEmpty();
    assertThat(later).hasSize(1);
    assertThat(call.quality()).as("known only when the background result arrives").isNull();
  }
}
