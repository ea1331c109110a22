package dev.lrcp.incident;

import java.time.Instant;

/** An incident was resolved, by its rule's recovery or by a person. */
public record IncidentResolved(
    Instant at, String id, String rule, String severity, String title, String reason) {}
