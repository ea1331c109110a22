package dev.lrcp.incident;

import java.time.Instant;

/** Delivering an incident to an external sink failed; it stays in the outbox and is retried. */
public record IncidentDeliveryFailed(Instant at, String incidentId, String sink, String reason) {}
