package dev.lrcp.incident;

import dev.lrcp.health.OpenIncident;
import dev.lrcp.health.OpenIncidents;
import dev.lrcp.incident.Incident.Details;
import dev.lrcp.incident.Incident.TimelineEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents, their timeline and outbox rows, in one transaction per change. The unique {@code
 * active_key} makes "open" idempotent across replicas: the loser of a race gets {@code false}.
 */
@Repository
class IncidentStore {

  private static final String COLUMNS =
      "id, rule, endpoint, model, severity, status, title, opened_at_ms, updated_at_ms,"
          + " resolved_at_ms, details, last_breach_at_ms";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final JsonMapper json;

  IncidentStore(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
  }

  /** An unresolved incident as the evaluator needs it. */
  record Active(
      String id, Rule rule, Scope scope, Severity severity, String status, Instant lastBreachAt) {}

  static String activeKey(Rule rule, Scope scope) {
    return rule.id() + "|" + scope.key();
  }

  /** Inserts a new incident; false if one is already active for its rule and scope. */
  boolean open(Incident i, boolean deduplicate) {
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              status -> {
                jdbc.update(
                    "INSERT INTO incident ("
                        + COLUMNS
                        + ", active_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    i.id(),
                    i.rule(),
                    i.scope().endpoint(),
                    i.scope().model(),
                    i.severity(),
                    i.status(),
                    i.title(),
                    ms(i.openedAt()),
                    ms(i.updatedAt()),
                    null,
                    json.writeValueAsString(details(i)),
                    ms(i.openedAt()),
                    deduplicate ? activeKey(Rule.of(i.rule()), i.scope()) : null);
                append(i.id(), i.openedAt(), "opened", i.title());
                if (i.attribution() != null && i.attribution().top().isPresent()) {
                  append(i.id(), i.openedAt(), "attribution", Explanations.note(i.attribution()));
                }
                enqueue(i.id(), "create", i.openedAt());
                return true;
              }));
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * New evidence while the condition holds; the timeline notes severity changes and a new leading
   * cause of the attribution.
   */
  void refresh(String id, Incident fresh, Severity severity, Instant at, String note) {
    tx.executeWithoutResult(
        status -> {
          var previous =
              jdbc
                  .queryForList("SELECT details FROM incident WHERE id = ?", String.class, id)
                  .stream()
                  .map(d -> json.readValue(d, Details.class).attribution())
                  .findFirst()
                  .orElse(null);
          boolean explained = !Explanations.sameLead(previous, fresh.attribution());
          jdbc.update(
              "UPDATE incident SET severity = ?, title = ?, details = ?, updated_at_ms = ?,"
                  + " last_breach_at_ms = ? WHERE id = ?",
              severity.label(),
              fresh.title(),
              json.writeValueAsString(details(fresh)),
              ms(at),
              ms(at),
              id);
          if (note != null) {
            append(id, at, "updated", note);
          }
          if (explained) {
            append(id, at, "attribution", Explanations.note(fresh.attribution()));
          }
          if (note != null || explained) {
            enqueue(id, "update", at);
          }
        });
  }

  boolean resolve(String id, Instant at, String message) {
    return transition(
        id,
        at,
        Incident.RESOLVED,
        message,
        "UPDATE incident SET status = 'resolved', resolved_at_ms = ?, active_key = NULL,"
            + " updated_at_ms = ? WHERE id = ? AND status <> 'resolved'",
        ms(at),
        ms(at),
        id);
  }

  boolean acknowledge(String id, Instant at, String message) {
    return transition(
        id,
        at,
        Incident.ACKNOWLEDGED,
        message,
        "UPDATE incident SET status = 'acknowledged', updated_at_ms = ? WHERE id = ?"
            + " AND status = 'open'",
        ms(at),
        id);
  }

  private boolean transition(
      String id, Instant at, String kind, String message, String sql, Object... args) {
    return Boolean.TRUE.equals(
        tx.execute(
            s -> {
              boolean changed = jdbc.update(sql, args) == 1;
              if (changed) {
                append(id, at, kind, message);
                enqueue(id, "update", at);
              }
              return changed;
            }));
  }

  List<Active> active() {
    return jdbc.query(
        "SELECT id, rule, endpoint, model, severity, status, last_breach_at_ms FROM incident"
            + " WHERE active_key IS NOT NULL",
        (rs, n) ->
            new Active(
                rs.getString(1),
                Rule.of(rs.getString(2)),
                new Scope(rs.getString(3), rs.getString(4)),
                Severity.of(rs.getString(5)),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7))));
  }

  Optional<Incident> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM incident WHERE id = ?", this::map, id).stream()
        .findFirst();
  }

  List<Incident> list(String status, int page, int size) {
    String where = status == null ? "" : " WHERE status = ?";
    Object[] args =
        status == null
            ? new Object[] {size, (long) page * size}
            : new Object[] {status, size, (long) page * size};
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM incident"
            + where
            + " ORDER BY opened_at_ms DESC, id LIMIT ? OFFSET ?",
        this::map,
        args);
  }

  long count(String status) {
    Long n =
        status == null
            ? jdbc.queryForObject("SELECT COUNT(*) FROM incident", Long.class)
            : jdbc.queryForObject(
                "SELECT COUNT(*) FROM incident WHERE status = ?", Long.class, status);
    return n == null ? 0 : n;
  }

  /** The unresolved incidents (open or acknowledged, by a rule or by hand), for health's status. */
  OpenIncidents unresolved(Instant at) {
    return new OpenIncidents(
        at,
        jdbc.query(
            "SELECT id, title, severity, endpoint, model FROM incident WHERE status <> 'resolved'",
            (rs, n) ->
                new OpenIncident(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5))));
  }

  /** Unresolved incidents by rule and severity, for the gauge. */
  List<dev.lrcp.incident.OpenIncidentsCounted.Count> openCounts() {
    return jdbc.query(
        "SELECT rule, severity, COUNT(*) FROM incident WHERE status <> 'resolved'"
            + " GROUP BY rule, severity ORDER BY rule, severity",
        (rs, n) -> new OpenIncidentsCounted.Count(rs.getString(1), rs.getString(2), rs.getInt(3)));
  }

  int deleteResolvedBefore(Instant cutoff) {
    return jdbc.update(
        "DELETE FROM incident WHERE status = 'resolved' AND resolved_at_ms < ?", ms(cutoff));
  }

  void setExternalId(String id, String externalId) {
    jdbc.update("UPDATE incident SET external_id = ? WHERE id = ?", externalId, id);
  }

  Optional<String> externalId(String id) {
    return jdbc
        .queryForList("SELECT external_id FROM incident WHERE id = ?", String.class, id)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  private void append(String id, Instant at, String kind, String message) {
    jdbc.update(
        "INSERT INTO incident_timeline (incident_id, at_ms, kind, message) VALUES (?,?,?,?)",
        id,
        ms(at),
        kind,
        message.length() > 2000 ? message.substring(0, 2000) : message);
  }

  private void enqueue(String id, String action, Instant at) {
    jdbc.update(
        "INSERT INTO incident_outbox (incident_id, action, created_at_ms, attempts,"
            + " next_attempt_at_ms) VALUES (?,?,?,0,?)",
        id,
        action,
        ms(at),
        ms(at));
  }

  private Incident map(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    var details = json.readValue(rs.getString("details"), Details.class);
    long resolved = rs.getLong("resolved_at_ms");
    Instant resolvedAt = rs.wasNull() ? null : Instant.ofEpochMilli(resolved);
    return new Incident(
        id,
        rs.getString("rule"),
        rs.getString("title"),
        rs.getString("severity"),
        rs.getString("status"),
        new Scope(rs.getString("endpoint"), rs.getString("model")),
        Instant.ofEpochMilli(rs.getLong("opened_at_ms")),
        Instant.ofEpochMilli(rs.getLong("updated_at_ms")),
        resolvedAt,
        details.evidence(),
        details.attribution(),
        details.runbook(),
        details.links(),
        details.tags() == null ? List.of() : details.tags(),
        timeline(id),
        withApplied(id, details.actions()));
  }

  /**
   * The applied actions as they were applied (a rebuilt runbook may have moved its steps), then the
   * runbook's other actions, by step.
   */
  private List<Incident.Action> withApplied(String id, List<Incident.Action> runbook) {
    var actions =
        new java.util.ArrayList<>(
            jdbc.query(
                "SELECT step, kind, endpoints, from_model, to_model, applied_at_ms, applied_by,"
                    + " override_ids, expires_at_ms, verify_at_ms, result, verified_at_ms,"
                    + " result_detail FROM incident_action WHERE incident_id = ?",
                IncidentStore::applied,
                id));
    var appliedSteps = actions.stream().map(Incident.Action::step).toList();
    if (runbook != null) {
      runbook.stream().filter(a -> !appliedSteps.contains(a.step())).forEach(actions::add);
    }
    actions.sort(java.util.Comparator.comparingInt(Incident.Action::step));
    return actions;
  }

  private static Incident.Action applied(ResultSet rs, int row) throws SQLException {
    long verified = rs.getLong("verified_at_ms");
    Instant verifiedAt = rs.wasNull() ? null : Instant.ofEpochMilli(verified);
    var applied =
        new Incident.Applied(
            Instant.ofEpochMilli(rs.getLong("applied_at_ms")),
            rs.getString("applied_by"),
            List.of(rs.getString("override_ids").split(",")),
            Instant.ofEpochMilli(rs.getLong("expires_at_ms")),
            Instant.ofEpochMilli(rs.getLong("verify_at_ms")),
            rs.getString("result"),
            verifiedAt,
            rs.getString("result_detail"));
    return new Incident.Action(
        rs.getInt("step"),
        rs.getString("kind"),
        List.of(rs.getString("endpoints").split(",")),
        rs.getString("from_model"),
        rs.getString("to_model"),
        applied);
  }

  /**
   * Records an applied action, its timeline entry and an outbox update in one transaction; false
   * when the step was already applied (on this replica or another).
   */
  boolean applyAction(String id, Incident.Action action, Incident.Applied applied, String note) {
    try {
      tx.executeWithoutResult(
          status -> {
            jdbc.update(
                "INSERT INTO incident_action (incident_id, step, kind, endpoints, from_model,"
                    + " to_model, override_ids, applied_at_ms, applied_by, expires_at_ms,"
                    + " verify_at_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                id,
                action.step(),
                action.kind(),
                String.join(",", action.endpoints()),
                action.fromModel(),
                action.toModel(),
                String.join(",", applied.overrideIds()),
                ms(applied.at()),
                applied.by(),
                ms(applied.expiresAt()),
                ms(applied.verifyAt()));
            append(id, applied.at(), "action", note);
            enqueue(id, "update", applied.at());
          });
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** An applied action whose re-evaluation is due. */
  record DueCheck(
      String incidentId,
      int step,
      Rule rule,
      List<String> endpoints,
      Instant appliedAt,
      Instant verifyAt) {}

  List<DueCheck> dueChecks(Instant now) {
    return jdbc.query(
        "SELECT a.incident_id, a.step, i.rule, a.endpoints, a.applied_at_ms, a.verify_at_ms"
            + " FROM incident_action a JOIN incident i ON i.id = a.incident_id"
            + " WHERE a.result IS NULL AND a.verify_at_ms <= ? ORDER BY a.verify_at_ms",
        (rs, n) ->
            new DueCheck(
                rs.getString(1),
                rs.getInt(2),
                Rule.of(rs.getString(3)),
                List.of(rs.getString(4).split(",")),
                Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6))),
        ms(now));
  }

  /** Records a re-evaluation once across replicas, with its timeline entry. */
  boolean recordCheck(String id, int step, Instant at, String result, String detail) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              int claimed =
                  jdbc.update(
                      "UPDATE incident_action SET result = ?, verified_at_ms = ?, result_detail = ?"
                          + " WHERE incident_id = ? AND step = ? AND result IS NULL",
                      result,
                      ms(at),
                      detail,
                      id,
                      step);
              if (claimed == 1) {
                append(id, at, "verification", "step " + step + " " + result + ": " + detail);
                enqueue(id, "update", at);
              }
              return claimed == 1;
            }));
  }

  private List<TimelineEntry> timeline(String id) {
    return jdbc.query(
        "SELECT at_ms, kind, message FROM incident_timeline WHERE incident_id = ?"
            + " ORDER BY at_ms, id",
        (rs, n) ->
            new TimelineEntry(
                Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3)),
        id);
  }

  private static Details details(Incident i) {
    // actions as the runbook defines them; what became of them is in incident_action
    return new Details(
        i.evidence(),
        i.attribution(),
        i.runbook(),
        i.links(),
        i.tags(),
        i.actions().stream().map(a -> a.withApplied(null)).toList());
  }

  private static Long ms(Instant t) {
    return t == null ? null : t.toEpochMilli();
  }
}
