package dev.lrcp.optimization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Recommendations in {@code optimization_recommendation}; evidence and controls as JSON. */
@Repository
class RecommendationStore {

  private static final String COLUMNS =
      "id, source, category, title, description, status, priority, endpoint, model, fingerprint,"
          + " estimated_savings_per_request, estimated_savings_percentage, implementation_cost,"
          + " monthly_savings_usd, monthly_savings_low_usd, monthly_savings_high_usd, confidence,"
          + " evidence, control, created_at_ms, refreshed_at_ms, implemented_at_ms,"
          + " implemented_by, baseline_metrics";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  RecommendationStore(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(Recommendation r) {
    jdbc.update(
        "INSERT INTO optimization_recommendation ("
            + COLUMNS
            + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        values(r));
  }

  /** Rewrites every column but the id; used for refreshes, implementation and reverts. */
  void update(Recommendation r) {
    Object[] all = values(r);
    Object[] args = new Object[all.length];
    System.arraycopy(all, 1, args, 0, all.length - 1);
    args[all.length - 1] = r.id();
    String set = String.join(" = ?, ", COLUMNS.substring(4).split(",\\s*")) + " = ?";
    jdbc.update("UPDATE optimization_recommendation SET " + set + " WHERE id = ?", args);
  }

  Optional<Recommendation> find(String id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM optimization_recommendation WHERE id = ?", this::map, id)
        .stream()
        .findFirst();
  }

  /** Newest first; each filter applies when not null. */
  List<Recommendation> list(String status, String category, String source) {
    var sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM optimization_recommendation WHERE 1=1");
    var args = new ArrayList<Object>();
    filter(sql, args, "status", status);
    filter(sql, args, "category", category);
    filter(sql, args, "source", source);
    sql.append(" ORDER BY created_at_ms DESC, id DESC");
    return jdbc.query(sql.toString(), this::map, args.toArray());
  }

  private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
    if (value != null) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private Object[] values(Recommendation r) {
    Estimate m = r.monthlySavings();
    return new Object[] {
      r.id(),
      r.source(),
      r.category(),
      r.title(),
      r.description(),
      r.status(),
      r.priority(),
      r.endpoint(),
      r.model(),
      r.fingerprint(),
      r.estimatedSavingsPerRequest(),
      r.estimatedSavingsPercentage(),
      r.implementationCost(),
      m == null ? null : m.usd(),
      m == null ? null : m.lowUsd(),
      m == null ? null : m.highUsd(),
      r.confidence(),
      json.writeValueAsString(r.evidence()),
      r.control() == null ? null : json.writeValueAsString(r.control()),
      r.createdAt().toEpochMilli(),
      r.refreshedAt().toEpochMilli(),
      millis(r.implementedAt()),
      r.implementedBy(),
      r.baselineMetrics() == null ? null : json.writeValueAsString(r.baselineMetrics())
    };
  }

  private Recommendation map(ResultSet rs, int row) throws SQLException {
    Double monthly = rs.getObject("monthly_savings_usd", Double.class);
    String control = rs.getString("control");
    String baseline = rs.getString("baseline_metrics");
    return new Recommendation(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("category"),
        rs.getString("description"),
        rs.getString("status"),
        rs.getString("priority"),
        rs.getDouble("estimated_savings_per_request"),
        rs.getDouble("estimated_savings_percentage"),
        rs.getDouble("implementation_cost"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        instant(rs.getObject("implemented_at_ms", Long.class)),
        rs.getString("source"),
        rs.getString("endpoint"),
        rs.getString("model"),
        monthly == null
            ? null
            : new Estimate(
                monthly,
                rs.getDouble("monthly_savings_low_usd"),
                rs.getDouble("monthly_savings_high_usd")),
        rs.getObject("confidence", Double.class),
        json.readValue(rs.getString("evidence"), MAP),
        control == null ? null : json.readValue(control, Control.class),
        Instant.ofEpochMilli(rs.getLong("refreshed_at_ms")),
        rs.getString("implemented_by"),
        baseline == null ? null : json.readValue(baseline, MAP));
  }

  private static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
