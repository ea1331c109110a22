package dev.lrcp.quality;

import java.time.Instant;

/**
 * An answer was scored for quality. Published once per scored answer, possibly after the response
 * was sent (streams are never delayed by scoring).
 *
 * @param groundingScore 0..1 support of the answer by the document; null when there was no document
 * @param semanticSimilarity 0..1; answer-document similarity, or answer-question relevance without
 *     a document
 * @param ungrounded true only when a document was given and the answer is not supported by it
 */
public record AnswerScored(
    Instant at,
    String promptId,
    String endpoint,
    String model,
    String provider,
    double semanticSimilarity,
    Double groundingScore,
    boolean ungrounded) {

  public boolean hasDocument() {
    return groundingScore != null;
  }
}
