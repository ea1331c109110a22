package dev.lrcp.health;

import java.util.Comparator;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The incidents open right now, as last published, and which of them caps a scope's status: the
 * most severe one whose calls all lie in the scope (any one for the service).
 */
@Component
public class StatusCaps {

  private volatile OpenIncidents latest =
      new OpenIncidents(java.time.Instant.MIN, java.util.List.of());

  @EventListener
  synchronized void on(OpenIncidents incidents) {
    if (!incidents.at().isBefore(latest.at())) {
      latest = incidents;
    }
  }

  /** The most severe open incident within {@code scope}. */
  public Optional<OpenIncident> worstWithin(Scope scope) {
    return latest.incidents().stream()
        .filter(i -> i.within(scope))
        .min(Comparator.comparing(OpenIncident::severity));
  }
}
