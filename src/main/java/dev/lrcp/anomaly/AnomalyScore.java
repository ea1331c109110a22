package dev.lrcp.anomaly;

/**
 * The detector's verdict on one point: {@code score} in [0, 1] grows with −log10 of the point's
 * tail probability (0.5 at 10⁻³), and {@code anomaly} is {@code score ≥ 0.5}.
 */
public record AnomalyScore(double score, boolean anomaly) {}
