package dev.lrcp.admission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Virtual keys and application limits in the database, shared by every replica. */
@Repository
class KeyStore {

  private static final String KEY_COLUMNS =
      "id, name, owner, application, models, budget_day_nusd, budget_month_nusd, rpm_limit,"
          + " tpm_limit, expires_at_ms, tags, salt, secret_hash, created_at_ms, updated_at_ms,"
          + " revoked_at_ms";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;

  KeyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(VirtualKey k) {
    jdbc.update(
        "INSERT INTO virtual_key (name, owner, application, models, budget_day_nusd,"
            + " budget_month_nusd, rpm_limit, tpm_limit, expires_at_ms, tags, salt, secret_hash,"
            + " updated_at_ms, revoked_at_ms, id, created_at_ms)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        row(k, k.createdAt().toEpochMilli()));
  }

  void update(VirtualKey k) {
    jdbc.update(
        "UPDATE virtual_key SET name = ?, owner = ?, application = ?, models = ?,"
            + " budget_day_nusd = ?, budget_month_nusd = ?, rpm_limit = ?, tpm_limit = ?,"
            + " expires_at_ms = ?, tags = ?, salt = ?, secret_hash = ?, updated_at_ms = ?,"
            + " revoked_at_ms = ? WHERE id = ?",
        row(k));
  }

  /** The key's columns in the order both statements bind them, then any {@code extra}. */
  private static Object[] row(VirtualKey k, Object... extra) {
    var values =
        new java.util.ArrayList<Object>(
            java.util.Arrays.asList(
                k.name(),
                k.owner(),
                k.application(),
                JSON.writeValueAsString(new TreeSet<>(k.models())),
                k.limits().budgetDayNusd(),
                k.limits().budgetMonthNusd(),
                k.limits().rpm(),
                k.limits().tpm(),
                millis(k.expiresAt()),
                JSON.writeValueAsString(k.tags()),
                k.salt(),
                k.secretHash(),
                k.updatedAt().toEpochMilli(),
                millis(k.revokedAt()),
                k.id()));
    values.addAll(java.util.Arrays.asList(extra));
    return values.toArray();
  }

  List<VirtualKey> keys() {
    return jdbc.query("SELECT " + KEY_COLUMNS + " FROM virtual_key", KeyStore::key);
  }

  void putApplication(String application, Limits limits, Instant at) {
    int updated =
        jdbc.update(
            "UPDATE application_limit SET budget_day_nusd = ?, budget_month_nusd = ?,"
                + " rpm_limit = ?, tpm_limit = ?, updated_at_ms = ? WHERE application = ?",
            limits.budgetDayNusd(),
            limits.budgetMonthNusd(),
            limits.rpm(),
            limits.tpm(),
            at.toEpochMilli(),
            application);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO application_limit (application, budget_day_nusd, budget_month_nusd,"
              + " rpm_limit, tpm_limit, updated_at_ms) VALUES (?,?,?,?,?,?)",
          application,
          limits.budgetDayNusd(),
          limits.budgetMonthNusd(),
          limits.rpm(),
          limits.tpm(),
          at.toEpochMilli());
    }
  }

  boolean deleteApplication(String application) {
    return jdbc.update("DELETE FROM application_limit WHERE application = ?", application) > 0;
  }

  Map<String, Limits> applications() {
    var out = new java.util.HashMap<String, Limits>();
    jdbc.query(
        "SELECT application, budget_day_nusd, budget_month_nusd, rpm_limit, tpm_limit"
            + " FROM application_limit",
        rs -> {
          out.put(rs.getString(1), limits(rs, 2));
        });
    return out;
  }

  private static VirtualKey key(ResultSet rs, int row) throws SQLException {
    return new VirtualKey(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("owner"),
        rs.getString("application"),
        JSON.readValue(rs.getString("models"), new TypeReference<Set<String>>() {}),
        limits(rs, 6),
        instant(rs.getObject("expires_at_ms", Long.class)),
        JSON.readValue(rs.getString("tags"), new TypeReference<Map<String, String>>() {}),
        rs.getString("salt"),
        rs.getString("secret_hash"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        Instant.ofEpochMilli(rs.getLong("updated_at_ms")),
        instant(rs.getObject("revoked_at_ms", Long.class)));
  }

  /** The four limit columns starting at {@code first}. */
  private static Limits limits(ResultSet rs, int first) throws SQLException {
    return new Limits(
        rs.getObject(first, Long.class),
        rs.getObject(first + 1, Long.class),
        rs.getObject(first + 2, Long.class),
        rs.getObject(first + 3, Long.class));
  }

  private static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  private static Instant instant(Long ms) {
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }
}
