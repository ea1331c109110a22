package dev.lrcp.insights;

import dev.lrcp.health.WindowStats;
import java.time.Instant;
import java.util.Map;

/** The live score of one scope: null score and status {@code no_data} when there was no traffic. */
public record HealthScoreView(
    Double healthScore,
    String status,
    String window,
    String scope,
    Map<String, Double> components,
    WindowStats stats,
    Instant generatedAt) {}
