package dev.lrcp.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composite score (0..100) with its components (0..100; quality null when unmeasured), the
 * efficiency bonus (0..10) and the SLO burn rates behind the {@code slo} component. Status: healthy
 * ≥ 80, degraded ≥ 60, else critical, and never better than an open incident in the scope allows
 * ({@code cappedBy}: the incident that holds the status where it is; docs/health.md).
 */
public record HealthScore(
    double score,
    String status,
    double performance,
    double reliability,
    double cost,
    Double quality,
    double security,
    double slo,
    double efficiencyBonus,
    SloBurn sloBurn,
    OpenIncident cappedBy) {

  public static final String HEALTHY = "healthy";
  public static final String DEGRADED = "degraded";
  public static final String CRITICAL = "critical";
  private static final List<String> ORDER = List.of(HEALTHY, DEGRADED, CRITICAL);

  public Map<String, Double> components() {
    var map = new LinkedHashMap<String, Double>();
    map.put("performance", performance);
    map.put("reliability", reliability);
    map.put("cost", cost);
    map.put("quality", quality);
    map.put("security", security);
    map.put("slo", slo);
    map.put("efficiency_bonus", efficiencyBonus);
    return map;
  }

  static String status(double score) {
    return score >= 80 ? HEALTHY : score >= 60 ? DEGRADED : CRITICAL;
  }

  /** This score with its status capped by {@code incident}, when there is one. */
  HealthScore cappedBy(Optional<OpenIncident> incident) {
    if (incident.isEmpty()) {
      return this;
    }
    String cap = incident.get().cap();
    if (ORDER.indexOf(cap) < ORDER.indexOf(status)) {
      return this;
    }
    return new HealthScore(
        score,
        cap,
        performance,
        reliability,
        cost,
        quality,
        security,
        slo,
        efficiencyBonus,
        sloBurn,
        incident.get());
  }
}
