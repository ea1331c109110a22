package dev.lrcp.optimization;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The token limits per endpoint that implemented recommendations set: an output cap ({@code
 * max_tokens}) or a thinking budget ({@code thinking_budget}). The database is the truth every
 * replica reads; each replica keeps a copy the flow reads without I/O, updated at once for its own
 * changes and re-read every half minute for the others'.
 */
@Component
class Limits {

  private final JdbcTemplate jdbc;
  private volatile Map<String, Limit> limits = Map.of();

  Limits(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    reload();
  }

  /**
   * One endpoint's limit of one kind.
   *
   * @param control {@link Control#MAX_TOKENS} or {@link Control#THINKING_BUDGET}
   * @param recommendationId the implemented recommendation that set it
   */
  record Limit(
      String endpoint,
      String control,
      int tokens,
      String recommendationId,
      String appliedBy,
      Instant at) {}

  /** The {@code control} limit on {@code endpoint}, or null. */
  Limit on(String endpoint, String control) {
    return limits.get(key(endpoint, control));
  }

  /** The limits of one kind, by endpoint. */
  List<Limit> all(String control) {
    return limits.values().stream()
        .filter(l -> l.control().equals(control))
        .sorted(Comparator.comparing(Limit::endpoint))
        .toList();
  }

  void set(Limit limit) {
    jdbc.update(
        "DELETE FROM optimization_limit WHERE endpoint = ? AND control = ?",
        limit.endpoint(),
        limit.control());
    jdbc.update(
        "INSERT INTO optimization_limit (endpoint, control, tokens, recommendation_id, applied_by,"
            + " applied_at_ms) VALUES (?,?,?,?,?,?)",
        limit.endpoint(),
        limit.control(),
        limit.tokens(),
        limit.recommendationId(),
        limit.appliedBy(),
        limit.at().toEpochMilli());
    reload();
  }

  /** Removes the {@code control} limit on {@code endpoint} if {@code recommendationId} set it. */
  void remove(String endpoint, String control, String recommendationId) {
    jdbc.update(
        "DELETE FROM optimization_limit WHERE endpoint = ? AND control = ?"
            + " AND recommendation_id = ?",
        endpoint,
        control,
        recommendationId);
    reload();
  }

  @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
  void reload() {
    var read = new ConcurrentHashMap<String, Limit>();
    jdbc.query(
        "SELECT endpoint, control, tokens, recommendation_id, applied_by, applied_at_ms"
            + " FROM optimization_limit",
        rs -> {
          var limit =
              new Limit(
                  rs.getString("endpoint"),
                  rs.getString("control"),
                  rs.getInt("tokens"),
                  rs.getString("recommendation_id"),
                  rs.getString("applied_by"),
                  Instant.ofEpochMilli(rs.getLong("applied_at_ms")));
          read.put(key(limit.endpoint(), limit.control()), limit);
        });
    limits = Map.copyOf(read);
  }

  private static String key(String endpoint, String control) {
    return control + "|" + endpoint;
  }
}
