package dev.lrcp.optimization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Results in {@code optimization_result}. */
@Repository
class ResultStore {

  private static final String COLUMNS =
      "recommendation_id, period_start_ms, period_end_ms, period_days, before_cost, after_cost,"
          + " actual_savings, request_count, roi_percentage, roi_reason, confidence_score";

  private final JdbcTemplate jdbc;

  ResultStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Result r, Instant now) {
    jdbc.update(
        "INSERT INTO optimization_result ("
            + COLUMNS
            + ", created_at_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        r.recommendationId(),
        r.periodStart().toEpochMilli(),
        r.periodEnd().toEpochMilli(),
        r.periodDays(),
        r.beforeCost(),
        r.afterCost(),
        r.actualSavings(),
        r.requestCount(),
        r.roiPercentage(),
        r.roiReason(),
        r.confidenceScore(),
        now.toEpochMilli());
  }

  List<Result> of(String recommendationId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM optimization_result WHERE recommendation_id = ? ORDER BY id",
        ResultStore::map,
        recommendationId);
  }

  /** Results whose period ended at or after {@code since}, oldest first. */
  List<Result> endedSince(Instant since) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM optimization_result WHERE period_end_ms >= ? ORDER BY id",
        ResultStore::map,
        since.toEpochMilli());
  }

  private static Result map(ResultSet rs, int row) throws SQLException {
    return new Result(
        rs.getString("recommendation_id"),
        Instant.ofEpochMilli(rs.getLong("period_start_ms")),
        Instant.ofEpochMilli(rs.getLong("period_end_ms")),
        rs.getInt("period_days"),
        rs.getDouble("before_cost"),
        rs.getDouble("after_cost"),
        rs.getDouble("actual_savings"),
        rs.getLong("request_count"),
        rs.getObject("roi_percentage", Double.class),
        rs.getString("roi_reason"),
        rs.getObject("confidence_score", Double.class));
  }
}
