package dev.lrcp.insights;

import dev.lrcp.health.HealthInputs;
import dev.lrcp.health.HealthScore;

/**
 * What the analyzer looks at for one scope.
 *
 * @param latencyStatistic {@code p95} for live windows, {@code average} for supplied aggregates
 * @param ungroundedRate null when unknown
 */
record Observation(
    String scope,
    HealthInputs inputs,
    HealthScore score,
    String latencyStatistic,
    Double ungroundedRate,
    double timeoutRate) {}
