package dev.lrcp.storage;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates call_record's day partitions ahead (PostgreSQL), refreshes the hourly rollups for recent
 * hours and enforces retention: whole day partitions on PostgreSQL, row deletes on H2. Runs on the
 * cluster lease holder; safe on several replicas at once all the same (a replica that loses the
 * race on a rollup hour or a partition rolls back and tries next time).
 */
@Component
public class StorageMaintenance {

  private static final Logger log = LoggerFactory.getLogger(StorageMaintenance.class);
  private static final long HOUR_MS = 3_600_000L;
  static final String HOUR = "(at_ms - MOD(at_ms, 3600000))";
  static final String ENDPOINT = "COALESCE(endpoint, 'unknown')";
  static final String MODEL = "COALESCE(model, 'unknown')";
  static final String APPLICATION = "COALESCE(application, '')";
  static final String KEY = "COALESCE(key_id, '')";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final StorageProperties properties;
  private final DayPartitions days;
  private Boolean byDay; // asked once, on the first run (after the migrations)

  public StorageMaintenance(
      JdbcTemplate jdbc, TransactionTemplate tx, StorageProperties properties) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.properties = properties;
    this.days = new DayPartitions(jdbc, tx);
  }

  /** Creates partitions, recomputes rollups of the current and previous hour, then expires. */
  public void run(Instant now) {
    try {
      byDay = byDay == null ? days.present() : byDay;
      if (byDay) {
        days.createAhead(now);
      }
      refreshRollups(now);
      Instant cutoff = now.minus(properties.retention());
      int calls = byDay ? days.dropBefore(cutoff) : deleteBefore("call_record", "at_ms", cutoff);
      int rollups =
          deleteBefore("call_rollup_hourly", "hour_ms", now.minus(properties.rollupRetention()));
      int outbox =
          deleteBefore("incident_outbox", "delivered_at_ms", now.minus(properties.retention()));
      if (calls + rollups + outbox > 0) {
        log.info(
            "storage retention: deleted {} call records, {} rollups, {} delivered outbox rows",
            calls,
            rollups,
            outbox);
      }
    } catch (DataAccessException e) {
      log.warn("storage maintenance failed, retrying next run: {}", e.getMessage());
    }
  }

  void refreshRollups(Instant now) {
    long from = now.toEpochMilli() - now.toEpochMilli() % HOUR_MS - HOUR_MS;
    String groups = String.join(", ", HOUR, ENDPOINT, MODEL, APPLICATION, KEY);
    tx.executeWithoutResult(
        status -> {
          jdbc.update("DELETE FROM call_rollup_hourly WHERE hour_ms >= ?", from);
          jdbc.update(
              "INSERT INTO call_rollup_hourly (hour_ms, endpoint, model, application, key_id,"
                  + " requests, errors, retries, latency_sum_ms, latency_max_ms, input_tokens,"
                  + " output_tokens, thinking_tokens, cost_usd) SELECT "
                  + groups
                  + ", COUNT(*), SUM(CASE WHEN outcome = 'error' THEN 1 ELSE 0 END),"
                  + " SUM(retry_count), SUM(latency_ms), MAX(latency_ms), SUM(input_tokens),"
                  + " SUM(output_tokens), SUM(thinking_tokens), SUM(cost_usd) FROM call_record"
                  + " WHERE at_ms >= ? AND outcome <> 'blocked' GROUP BY "
                  + groups,
              from);
        });
  }

  private int deleteBefore(String table, String column, Instant cutoff) {
    return jdbc.update("DELETE FROM " + table + " WHERE " + column + " < ?", cutoff.toEpochMilli());
  }

  /**
   * Rollups for tests and the API: one row per hour, endpoint, model, application and key (the last
   * two {@code ""} for calls without one).
   */
  public record Rollup(
      Instant hour,
      String endpoint,
      String model,
      String application,
      String key,
      long requests,
      long errors) {}

  public List<Rollup> rollupsSince(Instant from) {
    return jdbc.query(
        "SELECT hour_ms, endpoint, model, application, key_id, requests, errors"
            + " FROM call_rollup_hourly WHERE hour_ms >= ?"
            + " ORDER BY hour_ms, endpoint, model, application, key_id",
        (rs, i) ->
            new Rollup(
                Instant.ofEpochMilli(rs.getLong(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getLong(7)),
        from.toEpochMilli());
  }
}
