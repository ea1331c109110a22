package dev.lrcp.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Delivers outbox rows to the sink, oldest first, each with the incident's current state. A failure
 * never touches the local incident: the row waits (exponential backoff) and is retried. A failed
 * delivery ends the run: when the API is down or hangs, the next row would only fail too, each
 * holding a job thread for the sink's timeout and growing its own backoff. The first delivery that
 * succeeds after failures makes every waiting row due at once, so the backlog drains when the API
 * answers again rather than when each row's backoff ends.
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

  /** True until a delivery succeeds: rows waiting from before a restart are released too. */
  private volatile boolean failing = true;

  private enum Result {
    DELIVERED,
    GONE,
    FAILED
  }

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
      Result result = deliver(row.get(), now);
      if (result == Result.FAILED) {
        break;
      }
      if (result == Result.DELIVERED) {
        delivered++;
      }
    }
    return delivered;
  }

  private Result deliver(Outbox.Row row, Instant now) {
    var incident = store.find(row.incidentId());
    if (incident.isEmpty()) {
      outbox.delivered(row, now); // deleted by retention: nothing left to deliver
      return Result.GONE;
    }
    try {
      String external =
          sink.deliver(incident.get(), store.externalId(row.incidentId()).orElse(null));
      store.setExternalId(row.incidentId(), external);
      outbox.delivered(row, now);
      if (failing) {
        failing = false;
        int released = outbox.releaseWaiting(now);
        if (released > 0) {
          log.info("{} answers again: {} waiting deliveries are due now", sink.name(), released);
        }
      }
      return Result.DELIVERED;
    } catch (IncidentSink.SinkException e) {
      failing = true;
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
      return Result.FAILED;
    }
  }

  Duration backoff(int attempts) {
    long factor = 1L << Math.min(attempts, 20);
    Duration d = settings.backoff().multipliedBy(factor);
    return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
  }
}
