package dev.lrcp.storage;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.PromptShape;
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

  static CallRecord map(ResultSet rs, int row) throws SQLException {
    var labels =
        new CallRecord.Labels(
            rs.getString("endpoint"),
            rs.getString("request_type"),
            rs.getString("requested_model"),
            rs.getString("model"),
            rs.getString("provider"),
            rs.getString("application"),
            rs.getString("feature"),
            rs.getBoolean("injected"),
            rs.getString("key_id"));
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
        policy == null ? null : routing(rs, policy),
        quality(rs),
        security(rs),
        cache(rs),
        prompt(rs));
  }

  private static PromptShape prompt(ResultSet rs) throws SQLException {
    String hash = rs.getString("prompt_hash");
    Double repeated = rs.getObject("prompt_repeated_share", Double.class);
    return hash == null ? null : new PromptShape(hash, repeated == null ? 0 : repeated);
  }

  private static CallRecord.Cache cache(ResultSet rs) throws SQLException {
    String result = rs.getString("cache");
    Double saved = rs.getObject("cache_saved_usd", Double.class);
    return result == null ? null : new CallRecord.Cache(result, saved == null ? 0 : saved);
  }

  private static CallRecord.Routing routing(ResultSet rs, String policy) throws SQLException {
    String candidates = rs.getString("routing_candidates");
    Double savings = rs.getObject("savings_usd", Double.class);
    return new CallRecord.Routing(
        policy,
        rs.getString("routed_by"),
        candidates == null || candidates.isEmpty() ? List.of() : List.of(candidates.split(",")),
        rs.getString("routing_chosen"),
        rs.getString("routing_reference"),
        rs.getString("escalation"),
        savings == null ? 0 : savings,
        rs.getString("routing_override"),
        null);
  }

  /**
   * What routing did per endpoint and policy between {@code from} and {@code to}: calls,
   * escalations, spend and savings (calls that reached a model).
   */
  public List<RoutingTotals> routingTotals(Instant from, Instant to) {
    return jdbc.query(
        "SELECT endpoint, routing_policy, COUNT(*), SUM(CASE WHEN escalation IS NULL THEN 0 ELSE 1"
            + " END), SUM(cost_usd), SUM(COALESCE(savings_usd, 0)) FROM call_record"
            + " WHERE at_ms >= ? AND at_ms < ? AND routing_policy IS NOT NULL"
            + " AND outcome <> 'blocked' GROUP BY endpoint, routing_policy"
            + " ORDER BY endpoint, routing_policy",
        (rs, i) ->
            new RoutingTotals(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getDouble(5),
                rs.getDouble(6)),
        from.toEpochMilli(),
        to.toEpochMilli());
  }

  /** One endpoint and policy's routing over a window. */
  public record RoutingTotals(
      String endpoint,
      String policy,
      long calls,
      long escalations,
      double costUsd,
      double savingsUsd) {}

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
