package dev.lrcp.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
}
