package dev.lrcp.routing;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.AnswerScorer.ScoringInput;
import dev.lrcp.quality.QualityScores;
import dev.lrcp.quality.Refusals;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a cheap answer is good enough to return, in order of cost: a safety block, a
 * truncated answer ({@code length} finish), a refusal, invalid JSON when JSON was asked for, then
 * (only when a document was given) a grounding score below the threshold. A passing answer's score
 * is left on the call, so it is not scored twice.
 */
final class AnswerVerifier {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * @param failure null when the answer passed, else {@code safety_block}, {@code length}, {@code
   *     refusal}, {@code invalid_json} or {@code ungrounded}
   */
  record Verdict(String failure, String detail) {
    static final Verdict PASSED = new Verdict(null, null);

    boolean passed() {
      return failure == null;
    }
  }

  private final AnswerScorer scorer;
  private final double groundingThreshold;

  AnswerVerifier(AnswerScorer scorer, double groundingThreshold) {
    this.scorer = scorer;
    this.groundingThreshold = groundingThreshold;
  }

  Verdict check(Call call, LlmResponse answer) {
    var request = call.request();
    if (answer.safetyBlock()) {
      return new Verdict("safety_block", "the answer was blocked by the safety policy");
    }
    String finish =
        answer.finishReason() == null ? "" : answer.finishReason().toLowerCase(Locale.ROOT);
    if (finish.equals("max_tokens") || finish.equals("length")) {
      return new Verdict("length", "the answer was cut at the output token limit");
    }
    if (Refusals.isRefusal(answer.text())) {
      return new Verdict("refusal", "the model declined to answer");
    }
    if (request.options().json() && !parses(answer.text())) {
      return new Verdict("invalid_json", "JSON was asked for and the answer does not parse");
    }
    if (request.document() == null) {
      return Verdict.PASSED;
    }
    QualityScores scores =
        scorer.score(new ScoringInput(request.question(), request.document(), answer.text()));
    if (scores.groundingScore() != null && scores.groundingScore() < groundingThreshold) {
      return new Verdict(
          "ungrounded",
          String.format(
              Locale.ROOT,
              "grounding %.2f below %.2f",
              scores.groundingScore(),
              groundingThreshold));
    }
    call.quality(
        CallRecord.Quality.scored(
            scores.semanticSimilarity(), scores.groundingScore(), scores.ungrounded()));
    return Verdict.PASSED;
  }

  private static boolean parses(String text) {
    try {
      JSON.readTree(text.strip());
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }
}
