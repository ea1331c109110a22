package dev.lrcp.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Overrides and their audit trail in the shared database (H2 or PostgreSQL). */
@Repository
class OverrideStore {

  private static final String COLUMNS =
      "id, endpoint, application, model, reason, created_by, created_at_ms, expires_at_ms,"
          + " removed_at_ms, removed_by, source";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  OverrideStore(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  void insert(RoutingOverride o) {
    tx.executeWithoutResult(status -> insertWithAudit(o));
  }

  private void insertWithAudit(RoutingOverride o) {
    jdbc.update(
        "INSERT INTO routing_override ("
            + COLUMNS
            + ", expiry_audited)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, FALSE)",
        o.id(),
        o.endpoint(),
        o.application(),
        o.model(),
        o.reason(),
        o.createdBy(),
        o.createdAt().toEpochMilli(),
        o.expiresAt().toEpochMilli(),
        o.source());
    audit(o.id(), o.createdAt(), "created", o.createdBy(), o.reason());
  }

  /** Marks an active override removed; false when it was not active. */
  boolean remove(String id, Instant at, String actor, String reason) {
    return Boolean.TRUE.equals(tx.execute(status -> removeWithAudit(id, at, actor, reason)));
  }

  private boolean removeWithAudit(String id, Instant at, String actor, String reason) {
    int changed =
        jdbc.update(
            "UPDATE routing_override SET removed_at_ms = ?, removed_by = ?"
                + " WHERE id = ? AND removed_at_ms IS NULL AND expires_at_ms > ?",
            at.toEpochMilli(),
            actor,
            id,
            at.toEpochMilli());
    if (changed == 1) {
      audit(id, at, "removed", actor, reason);
    }
    return changed == 1;
  }

  /** Writes the expiry of overrides that ran out, once across replicas. */
  void auditExpired(Instant now) {
    List<Expired> due =
        jdbc.query(
            "SELECT id, expires_at_ms FROM routing_override WHERE removed_at_ms IS NULL"
                + " AND expires_at_ms <= ? AND expiry_audited = FALSE",
            (rs, i) -> new Expired(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))),
            now.toEpochMilli());
    for (Expired e : due) {
      tx.executeWithoutResult(
          status -> {
            int claimed =
                jdbc.update(
                    "UPDATE routing_override SET expiry_audited = TRUE"
                        + " WHERE id = ? AND expiry_audited = FALSE",
                    e.id());
            if (claimed == 1) {
              audit(e.id(), e.at(), "expired", "system", "ttl elapsed");
            }
          });
    }
  }

  List<RoutingOverride> active(Instant now) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM routing_override"
            + " WHERE removed_at_ms IS NULL AND expires_at_ms > ? ORDER BY created_at_ms",
        OverrideStore::map,
        now.toEpochMilli());
  }

  /** Every override, newest first, at most {@code limit}. */
  List<RoutingOverride> recent(int limit) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM routing_override ORDER BY created_at_ms DESC LIMIT ?",
        OverrideStore::map,
        limit);
  }

  Optional<RoutingOverride> find(String id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM routing_override WHERE id = ?", OverrideStore::map, id)
        .stream()
        .findFirst();
  }

  List<RoutingOverride.Audit> audit(String id) {
    return jdbc.query(
        "SELECT at_ms, action, actor, reason FROM routing_override_audit"
            + " WHERE override_id = ? ORDER BY at_ms, id",
        (rs, i) ->
            new RoutingOverride.Audit(
                Instant.ofEpochMilli(rs.getLong(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4)),
        id);
  }

  private void audit(String id, Instant at, String action, String actor, String reason) {
    jdbc.update(
        "INSERT INTO routing_override_audit (override_id, at_ms, action, actor, reason)"
            + " VALUES (?, ?, ?, ?, ?)",
        id,
        at.toEpochMilli(),
        action,
        actor,
        reason);
  }

  private static RoutingOverride map(ResultSet rs, int row) throws SQLException {
    long removed = rs.getLong("removed_at_ms");
    boolean wasRemoved = !rs.wasNull();
    return new RoutingOverride(
        rs.getString("id"),
        rs.getString("endpoint"),
        rs.getString("application"),
        rs.getString("model"),
        rs.getString("reason"),
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        Instant.ofEpochMilli(rs.getLong("expires_at_ms")),
        wasRemoved ? Instant.ofEpochMilli(removed) : null,
        rs.getString("removed_by"),
        rs.getString("source"),
        List.of());
  }

  private record Expired(String id, Instant at) {}
}
