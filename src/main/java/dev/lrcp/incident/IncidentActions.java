package dev.lrcp.incident;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.routing.NewOverride;
import dev.lrcp.routing.Overrides;
import dev.lrcp.routing.RoutingOverride;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runbook steps that act: applying a step's action creates routing overrides (shared by replicas,
 * audited, expiring), notes it on the incident's timeline, and one incident window later the
 * incident's rule is evaluated again over the calls since the action on the scopes it changed, and
 * the timeline says whether the condition cleared.
 */
@Component
class IncidentActions {

  static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
  static final String RECOVERED = "verified recovered";
  static final String NO_EFFECT = "no effect";
  static final String INCONCLUSIVE = "inconclusive";

  private final IncidentStore store;
  private final Overrides overrides;
  private final CallSource source;
  private final IncidentProperties properties;
  private final Detectors detectors;
  private final Clock clock;

  IncidentActions(
      IncidentStore store,
      Overrides overrides,
      CallSource source,
      IncidentProperties properties,
      Clock clock) {
    this.store = store;
    this.overrides = overrides;
    this.source = source;
    this.properties = properties;
    this.detectors = new Detectors(properties);
    this.clock = clock;
  }

  /** Why an action cannot be applied, with the HTTP status it answers with. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * @param actor who applies it (the caller's key fingerprint or address)
   * @throws Refused 404 without such an incident or step, 422 for a step without an action, 409
   *     when the incident is resolved or the step already applied
   */
  Incident apply(String id, int step, Duration ttl, String actor) {
    Incident incident =
        store.find(id).orElseThrow(() -> new Refused(404, "no incident with id " + id));
    if (step < 1 || step > incident.runbook().size()) {
      throw new Refused(404, "incident " + id + " has no runbook step " + step);
    }
    Incident.Action action =
        incident.actions().stream()
            .filter(a -> a.step() == step)
            .findFirst()
            .orElseThrow(
                () -> new Refused(422, "runbook step " + step + " is advice; it has no action"));
    if (Incident.RESOLVED.equals(incident.status())) {
      throw new Refused(409, "incident " + id + " is resolved");
    }
    if (action.applied() != null) {
      throw new Refused(409, "runbook step " + step + " was applied at " + action.applied().at());
    }
    Instant now = clock.instant();
    String source = "incident " + id + " step " + step;
    List<String> created = new ArrayList<>();
    for (String endpoint : action.endpoints()) {
      RoutingOverride o =
          overrides.create(
              new NewOverride(
                  endpoint, null, action.toModel(), ttl, reason(source, incident), actor, source));
      created.add(o.id());
    }
    var applied =
        new Incident.Applied(
            now, actor, created, now.plus(ttl), now.plus(properties.window()), null, null, null);
    if (!store.applyAction(id, action, applied, note(action, applied))) {
      created.forEach(o -> overrides.remove(o, actor, source + " was already applied"));
      throw new Refused(409, "runbook step " + step + " was already applied");
    }
    return store.find(id).orElseThrow();
  }

  /** Re-evaluates every applied action whose window has passed (once across replicas). */
  void verifyDue() {
    Instant now = clock.instant();
    for (IncidentStore.DueCheck check : store.dueChecks(now)) {
      Verdict v = verdict(check);
      store.recordCheck(check.incidentId(), check.step(), now, v.result(), v.detail());
    }
  }

  record Verdict(String result, String detail) {}

  /**
   * The incident's rule on each endpoint the action switched, over the calls since the action:
   * recovered when none breaches and each had enough calls to judge.
   */
  Verdict verdict(IncidentStore.DueCheck check) {
    // calls that finished after the action; one finishing in its very millisecond was sent before
    List<CallRecord> since = source.between(check.appliedAt().plusMillis(1), check.verifyAt());
    List<CallRecord> before =
        source.between(check.appliedAt().minus(properties.baseline()), check.appliedAt());
    var judged = new ArrayList<String>();
    for (String endpoint : check.endpoints()) {
      Scope scope = Scope.endpoint(endpoint);
      List<CallRecord> calls = ScopeSelector.within(since, scope);
      if (calls.size() < properties.minRequests()) {
        return new Verdict(
            INCONCLUSIVE,
            String.format(
                "%d calls on %s since the action, %d needed to judge",
                calls.size(), endpoint, properties.minRequests()));
      }
      Optional<Finding> still =
          detectors.check(check.rule(), scope, calls, ScopeSelector.within(before, scope));
      if (still.isPresent()) {
        return new Verdict(NO_EFFECT, still.get().title() + " since the action");
      }
      judged.add(calls.size() + " calls on " + endpoint);
    }
    return new Verdict(
        RECOVERED,
        check.rule().id() + " clear since the action (" + String.join(", ", judged) + ")");
  }

  private static String reason(String source, Incident incident) {
    String reason = source + ": " + incident.title();
    return reason.length() > 500 ? reason.substring(0, 500) : reason;
  }

  private static String note(Incident.Action action, Incident.Applied applied) {
    return String.format(
        "step %d applied by %s: %s from %s to %s until %s (routing overrides %s); re-evaluated at %s",
        action.step(),
        applied.by(),
        String.join(", ", action.endpoints()),
        action.fromModel(),
        action.toModel(),
        applied.expiresAt().truncatedTo(ChronoUnit.SECONDS),
        String.join(", ", applied.overrideIds()),
        applied.verifyAt().truncatedTo(ChronoUnit.SECONDS));
  }
}
