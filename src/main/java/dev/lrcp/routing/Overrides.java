package dev.lrcp.routing;

import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runtime overrides: created, listed and removed through the database, so every replica applies the
 * same ones; each replica keeps the active ones in memory, re-read every {@link #REFRESH} (at once
 * after a change it made itself), so routing never waits on the database. Expiry is checked against
 * the clock on every call, so an override stops exactly at its end on every replica.
 */
@Component
public class Overrides {

  private static final Logger log = LoggerFactory.getLogger(Overrides.class);

  static final long REFRESH = 1000;
  static final Duration LONGEST = Duration.ofDays(7);
  static final int MAX_REASON = 500;

  private final OverrideStore store;
  private final ModelCatalog catalog;
  private final RoutingPolicies policies;
  private final Applications applications;
  private final Clock clock;
  private volatile List<RoutingOverride> active = List.of();

  Overrides(
      OverrideStore store,
      ModelCatalog catalog,
      RoutingPolicies policies,
      Applications applications,
      Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.policies = policies;
    this.applications = applications;
    this.clock = clock;
  }

  /**
   * @throws RoutingRequestException a missing or malformed field (400), or an unknown scope or
   *     model (422)
   */
  public RoutingOverride create(NewOverride request) {
    check(request);
    Instant now = clock.instant();
    var override =
        new RoutingOverride(
            "ovr-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
            request.endpoint(),
            request.application(),
            request.model(),
            request.reason().strip(),
            request.actor(),
            now,
            now.plus(request.ttl()),
            null,
            null,
            request.source(),
            List.of());
    store.insert(override);
    refresh();
    return withAudit(override.id()).orElseThrow();
  }

  /**
   * Ends an active override now.
   *
   * @throws OverrideNotFoundException when none with this id is active
   */
  public RoutingOverride remove(String id, String actor, String reason) {
    if (!store.remove(id, clock.instant(), actor, reason)) {
      throw new OverrideNotFoundException(id);
    }
    refresh();
    return withAudit(id).orElseThrow();
  }

  /** The override with its audit trail, active or not. */
  public Optional<RoutingOverride> withAudit(String id) {
    return store.find(id).map(o -> o.withAudit(store.audit(id)));
  }

  /** Active overrides (per the clock), oldest first, with their audit trails. */
  public List<RoutingOverride> active() {
    Instant now = clock.instant();
    return active.stream()
        .filter(o -> o.activeAt(now))
        .map(o -> o.withAudit(store.audit(o.id())))
        .toList();
  }

  /** The newest overrides, active or not, with their audit trails. */
  List<RoutingOverride> recent(int limit) {
    return store.recent(limit).stream().map(o -> o.withAudit(store.audit(o.id()))).toList();
  }

  /**
   * The override that decides a call on this endpoint and application: most specific, then newest.
   */
  Optional<RoutingOverride> find(String endpoint, String application) {
    List<RoutingOverride> current = active;
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return current.stream()
        .filter(o -> o.activeAt(now) && o.matches(endpoint, application))
        .max(
            Comparator.comparingInt(RoutingOverride::specificity)
                .thenComparing(RoutingOverride::createdAt));
  }

  /**
   * Re-reads the active overrides and audits the ones that expired (once across replicas). While
   * the database cannot be read, the last overrides read stay in force.
   */
  @Scheduled(fixedDelay = REFRESH, initialDelay = 0)
  public void refresh() {
    Instant now = clock.instant();
    try {
      active = store.active(now);
      store.auditExpired(now);
    } catch (DataAccessException e) {
      log.warn("routing: could not reload overrides, keeping the last ones: {}", e.getMessage());
    }
  }

  private void check(NewOverride r) {
    if (r.endpoint() == null && r.application() == null) {
      throw RoutingRequestException.invalid("scope", "name an endpoint, an application or both");
    }
    if (r.endpoint() != null && Endpoints.requestType(r.endpoint()).isEmpty()) {
      throw RoutingRequestException.unknown(
          "scope.endpoint", "unknown endpoint " + r.endpoint() + "; one of " + Endpoints.ALL);
    }
    if (r.application() != null && !applications.known(r.application())) {
      throw RoutingRequestException.unknown(
          "scope.application",
          "unknown application "
              + r.application()
              + " (configure it under lrcp.routing.applications or lrcp.gateway.applications)");
    }
    checkModel(r.model());
    if (r.ttl() == null
        || r.ttl().isNegative()
        || r.ttl().isZero()
        || r.ttl().compareTo(LONGEST) > 0) {
      throw RoutingRequestException.invalid("ttl", "must be an ISO-8601 duration from PT1S to P7D");
    }
    if (r.reason() == null || r.reason().isBlank() || r.reason().length() > MAX_REASON) {
      throw RoutingRequestException.invalid("reason", "must be 1 to " + MAX_REASON + " characters");
    }
  }

  private void checkModel(String model) {
    if (model == null || model.isBlank()) {
      throw RoutingRequestException.invalid("model", "must name a model");
    }
    if (catalog.find(model).isEmpty()) {
      throw RoutingRequestException.unknown(
          "model",
          "unknown model "
              + model
              + "; known: "
              + catalog.all().stream().map(ModelSpec::name).toList());
    }
    try {
      policies.plan("chat", null, model);
    } catch (ModelNotServedException e) {
      throw RoutingRequestException.unknown("model", e.getMessage());
    }
  }
}
