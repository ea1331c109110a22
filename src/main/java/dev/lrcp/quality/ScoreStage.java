package dev.lrcp.quality;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRequest.Scoring;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.QualityLater;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.quality.AnswerScorer.ScoringInput;
import org.springframework.stereotype.Component;

/**
 * Scores every answer: before it is returned when the entry point asked for scores now, else in the
 * background, where the call's record waits for the result. An answer a verifier inside this stage
 * already scored (routing's cascade) is not scored twice.
 */
@Component
class ScoreStage implements CallStage {

  private final AnswerScorer scorer;

  ScoreStage(AnswerScorer scorer) {
    this.scorer = scorer;
  }

  @Override
  public Stage stage() {
    return Stage.SCORE;
  }

  @Override
  public LlmResponse apply(Call call, Next next) {
    LlmResponse response = next.proceed(call);
    if (call.quality() != null) {
      return response;
    }
    var request = call.request();
    var input = new ScoringInput(request.question(), request.document(), response.text());
    if (request.scoring() == Scoring.NOW) {
      call.quality(quality(scorer.score(input)));
    } else {
      QualityLater later = call.scoreLater();
      scorer.scoreLater(
          input,
          new AnswerScorer.Outcome() {
            @Override
            public void scored(QualityScores scores) {
              later.complete(quality(scores));
            }

            @Override
            public void unscored(AnswerScorer.Unscored reason) {
              later.complete(CallRecord.Quality.unscored(reason.tag()));
            }
          });
    }
    return response;
  }

  private static CallRecord.Quality quality(QualityScores s) {
    return CallRecord.Quality.scored(s.semanticSimilarity(), s.groundingScore(), s.ungrounded());
  }
}
