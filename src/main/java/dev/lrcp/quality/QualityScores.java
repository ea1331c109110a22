package dev.lrcp.quality;

/**
 * Quality of one answer.
 *
 * @param groundingScore null when there was no document to ground against
 * @param responseWords words in the answer (the original's {@code llm.response.length})
 */
public record QualityScores(
    double semanticSimilarity, Double groundingScore, boolean ungrounded, int responseWords) {}
