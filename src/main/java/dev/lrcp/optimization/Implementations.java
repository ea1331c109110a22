package dev.lrcp.optimization;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail: every implement and revert, who did it, when, and the control it touched. */
@Repository
class Implementations {

  static final String IMPLEMENT = "implement";
  static final String REVERT = "revert";

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  Implementations(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** One entry of the trail. */
  record Entry(String recommendationId, String action, String actor, Control control, Instant at) {}

  void add(Entry e) {
    jdbc.update(
        "INSERT INTO optimization_implementation (recommendation_id, action, actor, control, at_ms)"
            + " VALUES (?,?,?,?,?)",
        e.recommendationId(),
        e.action(),
        e.actor(),
        e.control() == null ? null : json.writeValueAsString(e.control()),
        e.at().toEpochMilli());
  }

  /** The latest {@code limit} entries, newest first. */
  List<Entry> recent(int limit) {
    return jdbc.query(
        "SELECT recommendation_id, action, actor, control, at_ms FROM optimization_implementation"
            + " ORDER BY at_ms DESC, id DESC LIMIT ?",
        (rs, row) -> {
          String control = rs.getString("control");
          return new Entry(
              rs.getString("recommendation_id"),
              rs.getString("action"),
              rs.getString("actor"),
              control == null ? null : json.readValue(control, Control.class),
              Instant.ofEpochMilli(rs.getLong("at_ms")));
        },
        limit);
  }
}
