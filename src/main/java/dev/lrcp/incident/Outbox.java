package dev.lrcp.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Pending deliveries of incidents to a sink. A row is claimed with a conditional update so that
 * replicas sharing the database never deliver the same row twice at once.
 */
@Repository
class Outbox {

  private static final Duration CLAIM = Duration.ofMinutes(1);

  private final JdbcTemplate jdbc;

  Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Row(long id, String incidentId, int attempts) {}

  /** Health of the outbox, for /incidents/status. */
  record Backlog(long pending, long failing, String lastError) {}

  Optional<Row> claimNext(Instant now) {
    List<Row> due =
        jdbc.query(
            "SELECT id, incident_id, attempts FROM incident_outbox WHERE delivered_at_ms IS NULL"
                + " AND next_attempt_at_ms <= ? AND (claimed_until_ms IS NULL OR claimed_until_ms < ?)"
                + " ORDER BY id LIMIT 10",
            (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3)),
            now.toEpochMilli(),
            now.toEpochMilli());
    for (Row row : due) {
      int claimed =
          jdbc.update(
              "UPDATE incident_outbox SET claimed_until_ms = ? WHERE id = ? AND delivered_at_ms IS"
                  + " NULL AND (claimed_until_ms IS NULL OR claimed_until_ms < ?)",
              now.plus(CLAIM).toEpochMilli(),
              row.id(),
              now.toEpochMilli());
      if (claimed == 1) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }

  void delivered(Row row, Instant now) {
    jdbc.update(
        "UPDATE incident_outbox SET delivered_at_ms = ?, attempts = ?, claimed_until_ms = NULL,"
            + " last_error = NULL WHERE id = ?",
        now.toEpochMilli(),
        row.attempts() + 1,
        row.id());
  }

  void failed(Row row, Instant retryAt, String error) {
    jdbc.update(
        "UPDATE incident_outbox SET attempts = ?, next_attempt_at_ms = ?, claimed_until_ms = NULL,"
            + " last_error = ? WHERE id = ?",
        row.attempts() + 1,
        retryAt.toEpochMilli(),
        error.length() > 1000 ? error.substring(0, 1000) : error,
        row.id());
  }

  /** Makes every row waiting on a backoff due now; returns how many. */
  int releaseWaiting(Instant now) {
    return jdbc.update(
        "UPDATE incident_outbox SET next_attempt_at_ms = ? WHERE delivered_at_ms IS NULL"
            + " AND next_attempt_at_ms > ?",
        now.toEpochMilli(),
        now.toEpochMilli());
  }

  Backlog backlog() {
    Long pending =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM incident_outbox WHERE delivered_at_ms IS NULL", Long.class);
    Long failing =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM incident_outbox WHERE delivered_at_ms IS NULL AND attempts > 0",
            Long.class);
    String lastError =
        jdbc
            .queryForList(
                "SELECT last_error FROM incident_outbox WHERE last_error IS NOT NULL"
                    + " ORDER BY id DESC LIMIT 1",
                String.class)
            .stream()
            .findFirst()
            .orElse(null);
    return new Backlog(pending == null ? 0 : pending, failing == null ? 0 : failing, lastError);
  }
}
