package dev.lrcp.routing;

import java.time.Duration;

/**
 * An override to create, from the API or from an incident's runbook action.
 *
 * @param endpoint the endpoint scope, or null
 * @param application the application scope, or null (at least one of the two)
 * @param actor who asks for it
 * @param source {@code api}, or the incident action that applies it
 */
public record NewOverride(
    String endpoint,
    String application,
    String model,
    Duration ttl,
    String reason,
    String actor,
    String source) {}
