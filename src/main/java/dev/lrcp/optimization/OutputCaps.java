package dev.lrcp.optimization;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The output-token caps per endpoint that implemented recommendations set. The database is the
 * truth every replica reads; each replica keeps a copy the flow reads without I/O, updated at once
 * for its own changes and re-read every half minute for the others'.
 */
@Component
class OutputCaps {

  private final JdbcTemplate jdbc;
  private volatile Map<String, Cap> caps = Map.of();

  OutputCaps(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    reload();
  }

  /**
   * One endpoint's cap.
   *
   * @param recommendationId the implemented recommendation that set it
   */
  record Cap(
      String endpoint, int maxTokens, String recommendationId, String appliedBy, Instant at) {}

  /** The cap on {@code endpoint}, or null. */
  Cap on(String endpoint) {
    return caps.get(endpoint);
  }

  List<Cap> all() {
    return caps.values().stream().sorted(java.util.Comparator.comparing(Cap::endpoint)).toList();
  }

  void set(Cap cap) {
    jdbc.update("DELETE FROM optimization_output_cap WHERE endpoint = ?", cap.endpoint());
    jdbc.update(
        "INSERT INTO optimization_output_cap (endpoint, max_tokens, recommendation_id, applied_by,"
            + " applied_at_ms) VALUES (?,?,?,?,?)",
        cap.endpoint(),
        cap.maxTokens(),
        cap.recommendationId(),
        cap.appliedBy(),
        cap.at().toEpochMilli());
    reload();
  }

  /** Removes the cap on {@code endpoint} if {@code recommendationId} set it. */
  void remove(String endpoint, String recommendationId) {
    jdbc.update(
        "DELETE FROM optimization_output_cap WHERE endpoint = ? AND recommendation_id = ?",
        endpoint,
        recommendationId);
    reload();
  }

  @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
  void reload() {
    var read = new ConcurrentHashMap<String, Cap>();
    jdbc.query(
        "SELECT endpoint, max_tokens, recommendation_id, applied_by, applied_at_ms"
            + " FROM optimization_output_cap",
        rs -> {
          var cap =
              new Cap(
                  rs.getString("endpoint"),
                  rs.getInt("max_tokens"),
                  rs.getString("recommendation_id"),
                  rs.getString("applied_by"),
                  Instant.ofEpochMilli(rs.getLong("applied_at_ms")));
          read.put(cap.endpoint(), cap);
        });
    caps = Map.copyOf(read);
  }
}
