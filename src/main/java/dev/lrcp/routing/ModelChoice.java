package dev.lrcp.routing;

import java.time.Instant;

/**
 * The model an endpoint's policy calls, chosen at run time rather than configured: calls on the
 * endpoint that name no model (and have no application policy) go to {@code model}, with savings
 * measured against what the configured policy would have called. Stored in the database, so every
 * replica applies it; it lasts until cleared.
 *
 * @param source what set it, e.g. {@code recommendation <id>}; only the same source clears it
 * @param removedAt null while it is in force
 */
public record ModelChoice(
    String id,
    String endpoint,
    String model,
    String reason,
    String source,
    String createdBy,
    Instant createdAt,
    Instant removedAt,
    String removedBy) {

  /** A choice to make. */
  public record New(String endpoint, String model, String reason, String source, String actor) {}

  boolean active() {
    return removedAt == null;
  }
}
