package dev.lrcp.insights;

import dev.lrcp.health.OpenIncident;
import dev.lrcp.health.SloBurn;
import dev.lrcp.health.WindowStats;
import java.time.Instant;
import java.util.Map;

/**
 * The live score of one scope: null score and status {@code no_data} when there was no traffic.
 *
 * @param cappedBy the open incident that holds the status where it is (docs/health.md), else null
 */
public record HealthScoreView(
    Double healthScore,
    String status,
    OpenIncident cappedBy,
    String window,
    String scope,
    Map<String, Double> components,
    SloBurn sloBurn,
    WindowStats stats,
    Instant generatedAt) {}
