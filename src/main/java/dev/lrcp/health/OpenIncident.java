package dev.lrcp.health;

/**
 * An unresolved incident as health needs it to cap a status: its severity ({@code SEV-1} to {@code
 * SEV-3}) and its scope (endpoint and model, both null for the whole service).
 */
public record OpenIncident(
    String id, String title, String severity, String endpoint, String model) {

  /** Whether the incident is about calls all of which belong to {@code scope}. */
  boolean within(Scope scope) {
    return (scope.endpoint() == null || scope.endpoint().equals(endpoint))
        && (scope.model() == null || scope.model().equals(model));
  }

  /** The best status a scope can have while this is open: SEV-1 critical, else degraded. */
  String cap() {
    return "SEV-1".equals(severity) ? HealthScore.CRITICAL : HealthScore.DEGRADED;
  }
}
