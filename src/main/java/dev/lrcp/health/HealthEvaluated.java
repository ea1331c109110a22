package dev.lrcp.health;

import java.time.Instant;
import java.util.Map;

/**
 * The health score was recomputed for one scope (every 10 s). {@code score} and {@code components}
 * are null when the window held no calls.
 *
 * @param scope {@code service}, or {@code endpoint:/qa}, {@code model:gemini-2.5-pro}
 * @param status capped by the open incidents in the scope (docs/health.md)
 * @param components performance, reliability, cost, quality, security, slo (0..100) and
 *     efficiency_bonus (0..10)
 */
public record HealthEvaluated(
    Instant at, String scope, Double score, String status, Map<String, Double> components) {}
