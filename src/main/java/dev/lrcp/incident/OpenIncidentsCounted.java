package dev.lrcp.incident;

import java.time.Instant;
import java.util.List;

/** How many incidents are open, by rule and severity; published every 10 s for gauges. */
public record OpenIncidentsCounted(Instant at, List<Count> counts) {

  public OpenIncidentsCounted {
    counts = List.copyOf(counts);
  }

  public record Count(String rule, String severity, int open) {}
}
