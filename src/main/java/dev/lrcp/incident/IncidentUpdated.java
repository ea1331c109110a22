package dev.lrcp.incident;

import java.time.Instant;

/**
 * An unresolved incident changed: fresh evidence while its condition holds, an escalation, or an
 * acknowledgement.
 *
 * @param status {@code open} or {@code acknowledged}
 * @param change what changed, e.g. {@code evidence refreshed}, {@code escalated to SEV-1: ...}
 */
public record IncidentUpdated(
    Instant at,
    String id,
    String rule,
    String severity,
    String status,
    String title,
    String change) {}
