package dev.lrcp.admission;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A virtual key as stored: who owns it, what it may do, and the salted hash of its secret (never
 * the secret itself).
 *
 * @param models models the key may call; empty allows every model
 * @param tags free-form metadata, shown by the admin API and written to logs, never a metric tag
 */
record VirtualKey(
    String id,
    String name,
    String owner,
    String application,
    Set<String> models,
    Limits limits,
    Instant expiresAt,
    Map<String, String> tags,
    String salt,
    String secretHash,
    Instant createdAt,
    Instant updatedAt,
    Instant revokedAt) {

  VirtualKey {
    models = Set.copyOf(models);
    tags = Map.copyOf(tags);
  }

  boolean allows(String model) {
    return models.isEmpty() || models.contains(model);
  }

  boolean revoked() {
    return revokedAt != null;
  }

  boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  VirtualKey withSecret(String newSalt, String newHash, Instant at) {
    return new VirtualKey(
        id,
        name,
        owner,
        application,
        models,
        limits,
        expiresAt,
        tags,
        newSalt,
        newHash,
        createdAt,
        at,
        revokedAt);
  }

  VirtualKey revokedAt(Instant at) {
    return new VirtualKey(
        id,
        name,
        owner,
        application,
        models,
        limits,
        expiresAt,
        tags,
        salt,
        secretHash,
        createdAt,
        at,
        at);
  }
}
