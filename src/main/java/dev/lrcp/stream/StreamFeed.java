package dev.lrcp.stream;

import dev.lrcp.incident.IncidentOpened;
import dev.lrcp.incident.IncidentResolved;
import dev.lrcp.incident.IncidentUpdated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which published events go on the stream, and under which name. A new kind (an anomaly or drift
 * warning) is one more listener here: the event is sent as its own record, in snake_case.
 */
@Component
class StreamFeed {

  private final Broadcaster broadcaster;

  StreamFeed(InsightsStream stream) {
    this.broadcaster = stream.broadcaster();
  }

  @EventListener
  void on(IncidentOpened e) {
    broadcaster.publish("incident.opened", e);
  }

  @EventListener
  void on(IncidentUpdated e) {
    broadcaster.publish("incident.updated", e);
  }

  @EventListener
  void on(IncidentResolved e) {
    broadcaster.publish("incident.resolved", e);
  }
}
