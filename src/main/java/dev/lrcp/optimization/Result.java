package dev.lrcp.optimization;

import java.time.Instant;

/**
 * A measured result of an implemented recommendation, as {@code record-result} stored it.
 *
 * @param beforeCost what the after-window's calls would have cost at the baseline cost per request
 * @param afterCost what they cost
 * @param roiPercentage {@code (savings - implementation cost) / implementation cost * 100}; null
 *     (with {@code roiReason}) when there is no implementation cost to divide by
 */
record Result(
    String recommendationId,
    Instant periodStart,
    Instant periodEnd,
    int periodDays,
    double beforeCost,
    double afterCost,
    double actualSavings,
    long requestCount,
    Double roiPercentage,
    String roiReason,
    Double confidenceScore) {}
