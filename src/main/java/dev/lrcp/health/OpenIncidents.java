package dev.lrcp.health;

import java.time.Instant;
import java.util.List;

/**
 * The unresolved incidents, published by the incident module after every evaluation and every
 * change made through its API. Health owns this type so that it never depends on the incident
 * module (which reads health's recent calls); see docs/adr/0012.
 */
public record OpenIncidents(Instant at, List<OpenIncident> incidents) {

  public OpenIncidents {
    incidents = List.copyOf(incidents);
  }
}
