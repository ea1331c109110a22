package dev.lrcp.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The composite score (0..100) with its components (0..100; quality null when unmeasured) and the
 * efficiency bonus (0..10). Status: healthy ≥ 80, degraded ≥ 60, else critical.
 */
public record HealthScore(
    double score,
    String status,
    double performance,
    double reliability,
    double cost,
    Double quality,
    double security,
    double efficiencyBonus) {

  public Map<String, Double> components() {
    var map = new LinkedHashMap<String, Double>();
    map.put("performance", performance);
    map.put("reliability", reliability);
    map.put("cost", cost);
    map.put("quality", quality);
    map.put("security", security);
    map.put("efficiency_bonus", efficiencyBonus);
    return map;
  }

  static String status(double score) {
    return score >= 80 ? "healthy" : score >= 60 ? "degraded" : "critical";
  }
}
