package dev.lrcp.optimization;

import java.time.Instant;

/**
 * What an implemented recommendation changed, measured on the call records of equal windows before
 * and after its implementation. Every figure that cannot be computed is null and {@code reason}
 * says why; nothing is ever infinite or NaN.
 *
 * @param window the length of each window, e.g. {@code 2h}
 * @param costPerRequestChange after minus before, USD, with a 95% bootstrap interval
 * @param costChangePercentage the change over the baseline cost per request, in percent
 * @param realisedMonthly the saving per 30 days at the after-window's request rate (a window under
 *     an hour counts as an hour, as for the estimates)
 * @param savingProbability the share of bootstrap resamples in which the cost per request fell
 */
record Roi(
    String recommendationId,
    Instant implementedAt,
    String window,
    WindowFigures before,
    WindowFigures after,
    Estimate costPerRequestChange,
    Double costChangePercentage,
    Estimate realisedMonthly,
    Double savingProbability,
    String reason) {

  /**
   * One window's figures over the calls that reached a model.
   *
   * @param costPerRequestUsd with its 95% bootstrap interval; null without calls
   */
  record WindowFigures(
      Instant from,
      Instant to,
      int requests,
      Estimate costPerRequestUsd,
      double totalCostUsd,
      Double meanQuality,
      Double p95LatencyMs,
      Double errorRate) {}
}
