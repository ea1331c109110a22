package dev.lrcp.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Model choices in the shared database; a cleared row is kept, with who cleared it and when. */
@Repository
class ModelChoiceStore {

  private static final String COLUMNS =
      "id, endpoint, model, reason, source, created_by, created_at_ms, removed_at_ms, removed_by";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  ModelChoiceStore(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** Inserts {@code c}, clearing the endpoint's active choice first: one in force per endpoint. */
  void replace(ModelChoice c) {
    tx.executeWithoutResult(
        status -> {
          clear(c.endpoint(), null, c.createdAt(), c.createdBy());
          jdbc.update(
              "INSERT INTO routing_model_choice ("
                  + COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
              c.id(),
              c.endpoint(),
              c.model(),
              c.reason(),
              c.source(),
              c.createdBy(),
              c.createdAt().toEpochMilli());
        });
  }

  /**
   * Clears the endpoint's active choice, only if {@code source} set it (any source when null).
   *
   * @return whether one was cleared
   */
  boolean clear(String endpoint, String source, Instant at, String actor) {
    String update =
        "UPDATE routing_model_choice SET removed_at_ms = ?, removed_by = ?"
            + " WHERE endpoint = ? AND removed_at_ms IS NULL";
    int changed =
        source == null
            ? jdbc.update(update, at.toEpochMilli(), actor, endpoint)
            : jdbc.update(update + " AND source = ?", at.toEpochMilli(), actor, endpoint, source);
    return changed > 0;
  }

  List<ModelChoice> active() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM routing_model_choice WHERE removed_at_ms IS NULL",
        ModelChoiceStore::map);
  }

  /** Choices in force and cleared, newest first, at most {@code limit}. */
  List<ModelChoice> recent(int limit) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM routing_model_choice ORDER BY created_at_ms DESC LIMIT ?",
        ModelChoiceStore::map,
        limit);
  }

  Optional<ModelChoice> find(String id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM routing_model_choice WHERE id = ?",
            ModelChoiceStore::map,
            id)
        .stream()
        .findFirst();
  }

  private static ModelChoice map(ResultSet rs, int row) throws SQLException {
    long removed = rs.getLong("removed_at_ms");
    boolean wasRemoved = !rs.wasNull();
    return new ModelChoice(
        rs.getString("id"),
        rs.getString("endpoint"),
        rs.getString("model"),
        rs.getString("reason"),
        rs.getString("source"),
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        wasRemoved ? Instant.ofEpochMilli(removed) : null,
        rs.getString("removed_by"));
  }
}
