package dev.lrcp.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the API does with incidents: read, acknowledge, resolve, open by hand. Other modules read an
 * incident through {@link #find}.
 */
@Component
public class Incidents {

  private final IncidentStore store;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final DatadogLinks links;

  Incidents(
      IncidentStore store,
      ApplicationEventPublisher events,
      Clock clock,
      DatadogAccount account,
      IncidentProperties properties) {
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.links = new DatadogLinks(account, properties.dashboardId());
  }

  record Page(List<Incident> items, int page, int size, long total) {}

  Page list(String status, int page, int size) {
    return new Page(store.list(status, page, size), page, size, store.count(status));
  }

  public Optional<Incident> find(String id) {
    return store.find(id);
  }

  /** Acknowledges an open incident; empty if it does not exist. Resolved ones stay resolved. */
  Optional<Incident> acknowledge(String id) {
    Instant now = clock.instant();
    boolean changed = store.acknowledge(id, now, "acknowledged via API");
    var incident = store.find(id);
    if (changed) {
      incident.ifPresent(
          i ->
              events.publishEvent(
                  new IncidentUpdated(
                      now, i.id(), i.rule(), i.severity(), i.status(), i.title(), "acknowledged")));
    }
    return incident;
  }

  Optional<Incident> resolve(String id) {
    Instant now = clock.instant();
    boolean changed = store.resolve(id, now, "resolved via API");
    var incident = store.find(id);
    if (changed) {
      incident.ifPresent(
          i ->
              events.publishEvent(
                  new IncidentResolved(
                      now, i.id(), i.rule(), i.severity(), i.title(), "resolved via API")));
      events.publishEvent(store.unresolved(now));
    }
    return incident;
  }

  Incident open(ManualIncidentRequest request) {
    Instant now = clock.instant();
    String title = request.monitorName() + ": " + request.alertMessage();
    var steps =
        Arrays.stream(request.runbook().split("\\R"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    var incident =
        new Incident(
            IncidentComposer.newId(),
            Rule.MANUAL.id(),
            title.length() > 500 ? title.substring(0, 500) : title,
            request.severityOrDefault(),
            Incident.OPEN,
            Scope.SERVICE,
            now,
            now,
            null,
            null,
            null,
            new ArrayList<>(steps),
            links.of(Scope.SERVICE, now),
            request.tags() == null ? List.of() : List.copyOf(request.tags()),
            List.of(),
            List.of());
    store.open(incident, false);
    events.publishEvent(
        new IncidentOpened(
            now, incident.id(), incident.rule(), incident.severity(), incident.title()));
    events.publishEvent(store.unresolved(clock.instant()));
    return store.find(incident.id()).orElse(incident);
  }
}
