package dev.lrcp.insights;

import java.time.Instant;

/**
 * A live anomaly story told for the first time on this replica; telemetry sends it as a Datadog
 * event when the API is configured.
 *
 * @param scope {@code service}, {@code endpoint:/qa} or {@code model:m}; {@code endpoint} and
 *     {@code model} are its parts (null when absent)
 * @param at the start of the anomalous bucket
 */
public record AnomalyStoryTold(
    Instant at,
    String scope,
    String endpoint,
    String model,
    String measure,
    double anomalyScore,
    String text) {}
