package dev.lrcp.routing;

import java.time.Instant;
import java.util.List;

/**
 * A runtime override: every call in its scope goes to {@code model} until it expires or is removed.
 * Stored in the database, so every replica applies it.
 *
 * @param endpoint e.g. {@code /reason}; null matches every endpoint
 * @param application an {@code X-LRCP-Application} value; null matches every application
 * @param createdBy who created it (the caller's key fingerprint or address, or the incident)
 * @param source {@code api}, or the incident action that applied it
 * @param audit who did what to it, oldest first
 */
public record RoutingOverride(
    String id,
    String endpoint,
    String application,
    String model,
    String reason,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Instant removedAt,
    String removedBy,
    String source,
    List<Audit> audit) {

  public RoutingOverride {
    audit = audit == null ? List.of() : List.copyOf(audit);
  }

  /** One audited change: {@code created}, {@code removed} or {@code expired}. */
  public record Audit(Instant at, String action, String actor, String reason) {}

  public boolean activeAt(Instant now) {
    return removedAt == null && expiresAt.isAfter(now);
  }

  boolean matches(String callEndpoint, String callApplication) {
    return (endpoint == null || endpoint.equals(callEndpoint))
        && (application == null || application.equals(callApplication));
  }

  /** An override naming both an endpoint and an application wins over one naming either. */
  int specificity() {
    return (endpoint == null ? 0 : 1) + (application == null ? 0 : 1);
  }

  RoutingOverride withAudit(List<Audit> trail) {
    return new RoutingOverride(
        id,
        endpoint,
        application,
        model,
        reason,
        createdBy,
        createdAt,
        expiresAt,
        removedAt,
        removedBy,
        source,
        trail);
  }
}
