package dev.lrcp.quality;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /quality/score}: lets teams score their own RAG answers offline. */
@RestController
class QualityController {

  private final GroundingAnswerScorer scorer;

  QualityController(GroundingAnswerScorer scorer) {
    this.scorer = scorer;
  }

  @PostMapping("/quality/score")
  ScoreResponse score(@Valid @RequestBody ScoreRequest request) {
    GroundingAnswerScorer.Evaluation e =
        scorer.evaluate(request.question(), request.document(), request.answer());
    return ScoreResponse.of(e);
  }

  /** Without a document the question is needed: relevance is measured against it. */
  record ScoreRequest(
      @Size(max = 20_000) String document,
      @Size(max = 4_000) String question,
      @NotNull @VisibleText @Size(max = 8_000) String answer) {

    @AssertTrue(message = "question is required when there is no document")
    boolean isQuestionOrDocument() {
      return (question != null && VisibleTextValidator.isVisible(question))
          || (document != null && VisibleTextValidator.isVisible(document));
    }
  }

  record ScoreResponse(
      double semanticSimilarity,
      Double groundingScore,
      boolean ungrounded,
      int responseWords,
      GroundingEvidence evidence) {

    static ScoreResponse of(GroundingAnswerScorer.Evaluation e) {
      QualityScores s = e.scores();
      return new ScoreResponse(
          s.semanticSimilarity(),
          s.groundingScore(),
          s.ungrounded(),
          s.responseWords(),
          e.evidence());
    }
  }
}
