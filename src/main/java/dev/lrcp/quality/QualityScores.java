package dev.lrcp.quality;

/**
 * Quality of one answer.
 *
 * @param groundingScore null when there was no document to ground against
 * @param responseWords words in the answer (the original's {@code llm.response.length})
 */
public record QualityScores(
    double semanticSimilarity, Double groundingScore, boolean ungrounded, int responseWords) {

  /** Words in an answer, counted as scoring counts them (the original's llm.response.length). */
  public static int words(String answer) {
    return answer == null ? 0 : Text.words(answer);
  }
}
