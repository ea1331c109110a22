package dev.lrcp.routing;

import dev.lrcp.health.WindowStats;

/**
 * One model's live record on one endpoint, as {@code cheapest-that-holds} and {@code GET /routing}
 * read it.
 *
 * @param scored answers with a quality score (grounding with a document, else relevance)
 * @param qualityStdDev sample standard deviation of those scores; null under two
 * @param p95LatencyMs null without calls
 */
record ModelStats(
    int requests,
    int scored,
    Double meanQuality,
    Double qualityStdDev,
    double errorRate,
    Double p95LatencyMs,
    double costPerRequestUsd) {

  static final ModelStats NONE = new ModelStats(0, 0, null, null, 0, null, 0);

  /** One-sided 95 % normal quantile: the bound a candidate's quality difference is held to. */
  static final double Z = 1.645;

  static ModelStats of(WindowStats s) {
    return new ModelStats(
        s.requests(),
        s.scoredAnswers(),
        s.meanQuality(),
        s.qualityStdDev(),
        s.errorRate(),
        s.p95LatencyMs(),
        s.costPerRequestUsd());
  }

  /** Enough calls and scored answers to be compared. */
  boolean enough(int minSamples) {
    return requests >= minSamples && scored >= minSamples && qualityStdDev != null;
  }

  /** Variance of the mean quality. */
  double meanVariance() {
    return qualityStdDev * qualityStdDev / scored;
  }

  /** The two-sided 95 % interval of the mean quality, or null without two scores. */
  double[] qualityInterval() {
    if (meanQuality == null || qualityStdDev == null) {
      return null;
    }
    double half = 1.96 * Math.sqrt(meanVariance());
    return new double[] {Math.max(0, meanQuality - half), Math.min(1, meanQuality + half)};
  }
}
