package dev.lrcp.incident;

import java.time.Instant;

/**
 * A quality-drift incident opened (once across replicas): {@code signal} {@code grounding} or
 * {@code relevance} fell from {@code reference} to {@code current} on the scope (an endpoint or a
 * model, the other null; both null for the whole service).
 */
public record QualityDriftDetected(
    Instant at, String signal, String endpoint, String model, double reference, double current) {}
