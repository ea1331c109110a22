package dev.lrcp.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.flow.CallRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One flush of the writer over plain JDBC, in one transaction: call records as multi-row INSERTs
 * ({@value #ROWS} rows per statement, each statement prepared once per flush and re-bound). All or
 * nothing, so the writer counts exactly what was written or lost. Portable between H2 and
 * PostgreSQL.
 */
final class CallRecordStatements {

  static final int ROWS = 50;
  static final String COLUMNS =
      "prompt_id, at_ms, endpoint, request_type, requested_model, model, provider, outcome,"
          + " failure, latency_ms, ttft_ms, input_tokens, output_tokens, thinking_tokens, cost_usd,"
          + " retry_count, fallback_used, trace_id, application, feature, semantic_similarity,"
          + " grounding_score, ungrounded, injection_score, injection_flag, pii_types, token_abuse,"
          + " injected, routing_policy, routed_by, unscored, injection_source, cache, cache_saved_usd,"
          + " routing_candidates, routing_reference, routing_chosen, escalation, savings_usd,"
          + " routing_override, key_id, prompt_hash, prompt_repeated_share";

  private final DataSource dataSource;
  private final String insertMany = insert(ROWS);
  private final String insertOne = insert(1);

  CallRecordStatements(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Has the connection pool replace every connection (idle ones now, busy ones when returned), so
   * an embedded database that {@linkplain DatabaseFailure#closedItself closed itself} is opened
   * again by the next connection: H2 closes it once its last session is gone.
   */
  void reopen() {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        if (pool != null) {
          pool.softEvictConnections();
        }
      }
    } catch (SQLException notAPool) {
      // nothing to replace: each write opens its own connection
    }
  }

  void write(List<CallRecord> records) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        insert(connection, records);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e; // the pool resets (or evicts) the connection it gets back
      }
      connection.setAutoCommit(true);
    }
  }

  /** Those of {@code records} the table does not hold (looked up by prompt id). */
  List<CallRecord> absent(List<CallRecord> records) throws SQLException {
    Set<String> stored = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      for (int start = 0; start < records.size(); start += ROWS) {
        List<CallRecord> chunk = records.subList(start, Math.min(records.size(), start + ROWS));
        String sql =
            "SELECT prompt_id FROM call_record WHERE prompt_id IN ("
                + "?,".repeat(chunk.size() - 1)
                + "?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i).promptId());
          }
          try (ResultSet rows = ps.executeQuery()) {
            while (rows.next()) {
              stored.add(rows.getString(1));
            }
          }
        }
      }
    }
    List<CallRecord> absent = new ArrayList<>();
    for (CallRecord r : records) {
      if (!stored.contains(r.promptId())) {
        absent.add(r);
      }
    }
    return absent;
  }

  private void insert(Connection connection, List<CallRecord> records) throws SQLException {
    int full = records.size() / ROWS * ROWS;
    if (full > 0) {
      try (PreparedStatement ps = connection.prepareStatement(insertMany)) {
        for (int start = 0; start < full; start += ROWS) {
          CallRecordRow.bind(ps, records.subList(start, start + ROWS));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (full < records.size()) {
      try (PreparedStatement ps = connection.prepareStatement(insertOne)) {
        for (CallRecord r : records.subList(full, records.size())) {
          CallRecordRow.bind(ps, Collections.singletonList(r));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private static String insert(int rows) {
    String row = "(" + "?,".repeat(CallRecordRow.PARAMETERS - 1) + "?)";
    var sql = new StringBuilder("INSERT INTO call_record (" + COLUMNS + ") VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ",").append(row);
    }
    return sql.toString();
  }
}
