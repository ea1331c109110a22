package dev.lrcp.storage;

import dev.lrcp.quality.AnswerScored;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL for call records; portable between H2 and PostgreSQL. */
@Repository
public class CallRecordRepository {

  private static final String COLUMNS =
      "prompt_id, at_ms, endpoint, request_type, requested_model, model, provider, outcome,"
          + " failure, latency_ms, ttft_ms, input_tokens, output_tokens, thinking_tokens, cost_usd,"
          + " retry_count, fallback_used, trace_id, application, feature, semantic_similarity,"
          + " grounding_score, ungrounded, injection_score, injection_flag, pii_types, token_abuse";

  private final JdbcTemplate jdbc;

  public CallRecordRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(List<CallRecord> records) {
    String sql =
        "INSERT INTO call_record ("
            + COLUMNS
            + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    jdbc.batchUpdate(sql, records, records.size(), CallRecordRepository::bind);
  }

  /** Joins quality results to the calls they score (scoring may finish after the insert). */
  void applyQuality(List<AnswerScored> scores) {
    String sql =
        "UPDATE call_record SET semantic_similarity = ?, grounding_score = ?, ungrounded = ?"
            + " WHERE prompt_id = ?";
    jdbc.batchUpdate(
        sql,
        scores,
        scores.size(),
        (ps, s) -> {
          ps.setDouble(1, s.semanticSimilarity());
          setDouble(ps, 2, s.groundingScore());
          ps.setBoolean(3, s.ungrounded());
          ps.setString(4, s.promptId());
        });
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

  private static void bind(PreparedStatement ps, CallRecord r) throws SQLException {
    var l = r.labels();
    var n = r.numbers();
    ps.setString(1, r.promptId());
    ps.setLong(2, r.at().toEpochMilli());
    Object[] labels = {
      l.endpoint(), l.requestType(), l.requestedModel(), l.model(), l.provider(), r.outcome()
    };
    for (int i = 0; i < labels.length; i++) {
      ps.setObject(3 + i, labels[i], Types.VARCHAR);
    }
    ps.setObject(9, r.failure(), Types.VARCHAR);
    ps.setLong(10, n.latencyMs());
    ps.setLong(11, n.ttftMs());
    ps.setInt(12, n.inputTokens());
    ps.setInt(13, n.outputTokens());
    ps.setInt(14, n.thinkingTokens());
    ps.setDouble(15, n.costUsd());
    ps.setInt(16, n.retryCount());
    ps.setBoolean(17, n.fallbackUsed());
    ps.setObject(18, r.traceId(), Types.VARCHAR);
    ps.setObject(19, l.application(), Types.VARCHAR);
    ps.setObject(20, l.feature(), Types.VARCHAR);
    var q = r.quality();
    setDouble(ps, 21, q == null ? null : q.semanticSimilarity());
    setDouble(ps, 22, q == null ? null : q.groundingScore());
    setBoolean(ps, 23, q == null ? null : q.ungrounded());
    var s = r.security();
    setDouble(ps, 24, s == null ? null : s.injectionScore());
    setBoolean(ps, 25, s == null ? null : s.injectionFlag());
    ps.setObject(26, s == null ? null : s.piiTypes(), Types.VARCHAR);
    setBoolean(ps, 27, s == null ? null : s.tokenAbuse());
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
            rs.getString("feature"));
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
    Double similarity = rs.getObject("semantic_similarity", Double.class);
    Double grounding = rs.getObject("grounding_score", Double.class);
    Boolean ungrounded = rs.getObject("ungrounded", Boolean.class);
    var quality =
        similarity == null && grounding == null && ungrounded == null
            ? null
            : new CallRecord.Quality(similarity, grounding, ungrounded);
    Double injection = rs.getObject("injection_score", Double.class);
    var security =
        injection == null
            ? null
            : new CallRecord.Security(
                injection,
                rs.getObject("injection_flag", Boolean.class),
                rs.getString("pii_types"),
                rs.getObject("token_abuse", Boolean.class));
    return new CallRecord(
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        rs.getString("prompt_id"),
        rs.getString("trace_id"),
        labels,
        rs.getString("outcome"),
        rs.getString("failure"),
        numbers,
        quality,
        security);
  }

  private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  private static void setBoolean(PreparedStatement ps, int i, Boolean v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BOOLEAN);
    } else {
      ps.setBoolean(i, v);
    }
  }
}
