package dev.lrcp.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Delivers outbox rows to the sink, oldest first, each with the incident's current state. A failure
 * never touches the local incident: the row waits (exponential backoff) and is retried.
 */
final class OutboxDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int MAX_PER_RUN = 50;

  private final Outbox outbox;
  private final IncidentStore store;
  private final IncidentSink sink;
  private final IncidentProperties.Delivery settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OutboxDispatcher(
      Outbox outbox,
      IncidentStore store,
      IncidentSink sink,
      IncidentProperties.Delivery settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.outbox = outbox;
    this.store = store;
    this.sink = sink;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  /** Delivers what is due now; returns how many rows were delivered. */
  int dispatch() {
    if (!sink.configured()) {
      return 0;
    }
    int delivered = 0;
    for (int i = 0; i < MAX_PER_RUN; i++) {
      Instant now = clock.instant();
      var row = outbox.claimNext(now);
      if (row.isEmpty()) {
        break;
      }
      if (deliver(row.get(), now)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean deliver(Outbox.Row row, Instant now) {
    var incident = store.find(row.incidentId());
    if (incident.isEmpty()) {
      outbox.delivered(row, now); // deleted by retention: nothing left to deliver
      return false;
    }
    try {
      String external =
          sink.deliver(incident.get(), store.externalId(row.incidentId()).orElse(null));
      store.setExternalId(row.incidentId(), external);
      outbox.delivered(row, now);
      return true;
    } catch (IncidentSink.SinkException e) {
      Instant retryAt = now.plus(backoff(row.attempts()));
      outbox.failed(row, retryAt, e.getMessage());
      log.warn(
          "incident {} not delivered to {} (attempt {}), retry at {}: {}",
          row.incidentId(),
          sink.name(),
          row.attempts() + 1,
          retryAt,
          e.getMessage());
      events.publishEvent(
          new IncidentDeliveryFailed(now, row.incidentId(), sink.name(), e.getMessage()));
      return false;
    }
  }

  Duration backoff(int attempts) {
    long factor = 1L << Math.min(attempts, 20);
    Duration d = settings.backoff().multipliedBy(factor);
    return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
  }
}
