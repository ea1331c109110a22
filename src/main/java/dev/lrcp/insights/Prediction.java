package dev.lrcp.insights;

/**
 * A trend extrapolated to an objective.
 *
 * @param slopePerMinute change per minute (least squares over one-minute buckets); null when the
 *     trend was reported by a caller rather than measured
 * @param minutesToBreach null when the metric is not moving towards the objective
 */
public record Prediction(
    String metric,
    String scope,
    double current,
    double objective,
    Double slopePerMinute,
    Double minutesToBreach,
    String message) {}
