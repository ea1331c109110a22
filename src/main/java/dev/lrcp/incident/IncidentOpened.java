package dev.lrcp.incident;

import java.time.Instant;

/** A detection rule (or a person) opened an incident. */
public record IncidentOpened(Instant at, String id, String rule, String severity, String title) {}
