package dev.lrcp.storage;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.LlmFailure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads call records; the writes are {@link CallRecordStatements}. Portable between H2 and
 * PostgreSQL.
 */
@Repository
public class CallRecordRepository {

  private static final String COLUMNS = CallRecordStatements.COLUMNS;

  private final JdbcTemplate jdbc;

  public CallRecordRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Where the writer sends its batches over plain JDBC. */
  DataSource dataSource() {
    return jdbc.getDataSource();
  }

  /** Calls with {@code from <= at < to}, oldest first. */
  public List<CallRecord> between(Instant from, Instant to) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM call_record WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms",
        CallRecordRepository::map,
        from.toEpochMilli(),
        to.toEpochMilli());
  }

  public List<CallRecord> byPromptId(String promptId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM call_record WHERE prompt_id = ? ORDER BY at_ms",
        CallRecordRepository::map,
        promptId);
  }

  public long count() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM call_record", Long.class);
    return n == null ? 0 : n;
  }

  private static CallRecord map(ResultSet rs, int row) throws SQLException {
    var labels =
        new CallRecord.Labels(
            rs.getString("endpoint"),
            rs.getString("request_type"),
            rs.getString("requested_model"),
            rs.getString("model"),
            rs.getString("provider"),
            rs.getString("application"),
            rs.getString("feature"),
            rs.getBoolean("injected"));
    var numbers =
        new CallRecord.Numbers(
            rs.getLong("latency_ms"),
            rs.getLong("ttft_ms"),
            rs.getInt("input_tokens"),
            rs.getInt("output_tokens"),
            rs.getInt("thinking_tokens"),
            rs.getDouble("cost_usd"),
            rs.getInt("retry_count"),
            rs.getBoolean("fallback_used"));
    String failure = rs.getString("failure");
    String policy = rs.getString("routing_policy");
    return new CallRecord(
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        rs.getString("prompt_id"),
        rs.getString("trace_id"),
        labels,
        CallRecord.Outcome.ofTag(rs.getString("outcome")),
        failure == null ? null : LlmFailure.valueOf(failure.toUpperCase(Locale.ROOT)),
        numbers,
        policy == null ? null : new CallRecord.Routing(policy, rs.getString("routed_by")),
        quality(rs),
        security(rs),
        cache(rs));
  }

  private static CallRecord.Cache cache(ResultSet rs) throws SQLException {
    String result = rs.getString("cache");
    Double saved = rs.getObject("cache_saved_usd", Double.class);
    return result == null ? null : new CallRecord.Cache(result, saved == null ? 0 : saved);
  }

  private static CallRecord.Quality quality(ResultSet rs) throws SQLException {
    Double similarity = rs.getObject("semantic_similarity", Double.class);
    String unscored = rs.getString("unscored");
    if (similarity == null) {
      return unscored == null ? null : CallRecord.Quality.unscored(unscored);
    }
    return new CallRecord.Quality(
        similarity,
        rs.getObject("grounding_score", Double.class),
        rs.getObject("ungrounded", Boolean.class),
        null);
  }

  private static CallRecord.Security security(ResultSet rs) throws SQLException {
    Double injection = rs.getObject("injection_score", Double.class);
    if (injection == null) {
      return null;
    }
    String pii = rs.getString("pii_types");
    return new CallRecord.Security(
        injection,
        rs.getBoolean("injection_flag"),
        rs.getString("injection_source"),
        pii == null || pii.isEmpty() ? Set.of() : Set.of(pii.split(",")),
        rs.getBoolean("token_abuse"),
        "blocked".equals(rs.getString("outcome")));
  }
}
