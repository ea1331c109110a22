package dev.lrcp.incident;

import dev.lrcp.llm.ModelCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs every rule over the current window, opens one incident per rule and chosen scope, refreshes
 * it while the condition holds, and resolves it once the condition stayed clear for the recovery
 * period. State lives in the database, so replicas share it and a restart does not reopen.
 */
@Component
public class IncidentEvaluator {

  private static final Logger log = LoggerFactory.getLogger(IncidentEvaluator.class);

  private final CallSource source;
  private final IncidentStore store;
  private final IncidentProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Detectors detectors;
  private final ScopeSelector selector;
  private final IncidentComposer composer;

  @Autowired
  IncidentEvaluator(
      CallSource source,
      IncidentStore store,
      IncidentProperties properties,
      DatadogAccount account,
      ObjectProvider<ModelCatalog> catalog,
      ApplicationEventPublisher events,
      Clock clock) {
    this(
        source,
        store,
        properties,
        account,
        catalog.getIfAvailable(ModelCatalog::load),
        events,
        clock);
  }

  IncidentEvaluator(
      CallSource source,
      IncidentStore store,
      IncidentProperties properties,
      DatadogAccount account,
      ModelCatalog catalog,
      ApplicationEventPublisher events,
      Clock clock) {
    this.source = source;
    this.store = store;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.detectors = new Detectors(properties);
    this.selector = new ScopeSelector(detectors);
    this.composer =
        new IncidentComposer(
            new Runbooks(catalog),
            new DatadogLinks(account, properties.dashboardId()),
            properties.window());
  }

  public void evaluate() {
    evaluate(clock.instant());
  }

  void evaluate(Instant now) {
    Instant windowStart = now.minus(properties.window());
    Instant from = windowStart.minus(properties.baseline());
    var current = source.between(windowStart, now);
    var baseline = source.between(from, windowStart);
    var lookback = new Lookback(source, from, now);
    var windows = new ScopeSelector.Windows(current, baseline);
    var active = store.active();
    Set<String> breaching = new HashSet<>();
    for (Rule rule : Rule.values()) {
      if (!detectors.enabled(rule)) {
        continue;
      }
      Set<Scope> scopes =
          active.stream()
              .filter(a -> a.rule() == rule)
              .map(IncidentStore.Active::scope)
              .collect(Collectors.toSet());
      for (Finding f : selector.select(rule, windows, scopes)) {
        var draft = composer.compose(f, lookback.explain(f), current, now);
        apply(f, draft, find(active, rule, f.scope()), now).ifPresent(breaching::add);
      }
    }
    resolveRecovered(active, breaching, now);
    events.publishEvent(store.unresolved(clock.instant()));
  }

  private Optional<String> apply(
      Finding f, Incident draft, Optional<IncidentStore.Active> existing, Instant now) {
    if (existing.isEmpty() && store.open(draft, true)) {
      log.warn("incident {} opened: [{}] {}", draft.id(), draft.severity(), draft.title());
      events.publishEvent(
          new IncidentOpened(now, draft.id(), draft.rule(), draft.severity(), draft.title()));
      if (f.rule() == Rule.QUALITY_DRIFT) {
        events.publishEvent(DriftDetector.detected(f, now));
      }
      // health caps statuses from now on, not from the end of this evaluation
      events.publishEvent(store.unresolved(clock.instant()));
      return Optional.of(draft.id());
    }
    // either ours, or another replica won the race to open it: add our evidence to theirs
    var target = existing.or(() -> find(store.active(), f.rule(), f.scope()));
    target.ifPresent(
        a -> {
          Severity severity = a.severity().max(f.severity());
          String note =
              severity != a.severity()
                  ? "escalated to " + severity.label() + ": " + f.title()
                  : null;
          store.refresh(a.id(), draft, severity, now, note);
          events.publishEvent(
              new IncidentUpdated(
                  now,
                  a.id(),
                  draft.rule(),
                  severity.label(),
                  a.status(),
                  draft.title(),
                  note == null ? "evidence refreshed" : note));
        });
    return target.map(IncidentStore.Active::id);
  }

  private void resolveRecovered(
      List<IncidentStore.Active> active, Set<String> breaching, Instant now) {
    for (var a : active) {
      Duration clear = Duration.between(a.lastBreachAt(), now);
      if (!breaching.contains(a.id()) && clear.compareTo(properties.recovery()) >= 0) {
        String message =
            "condition clear for "
                + IncidentComposer.label(properties.recovery())
                + "; resolved automatically";
        if (store.resolve(a.id(), now, message)) {
          log.info("incident {} resolved: {}", a.id(), message);
          store
              .find(a.id())
              .ifPresent(
                  i ->
                      events.publishEvent(
                          new IncidentResolved(
                              now, i.id(), i.rule(), i.severity(), i.title(), message)));
        }
      }
    }
  }

  private static Optional<IncidentStore.Active> find(
      List<IncidentStore.Active> active, Rule rule, Scope scope) {
    return active.stream().filter(a -> a.rule() == rule && a.scope().equals(scope)).findFirst();
  }
}
