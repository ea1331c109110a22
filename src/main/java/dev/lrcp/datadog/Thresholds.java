package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A monitor's thresholds against its query: critical equals the query's threshold, warning lies on
 * the non-alerting side, and each has a recovery threshold further on that side, so a value
 * hovering around the threshold does not flap between Alert and OK.
 */
final class Thresholds {

  private Thresholds() {}

  /**
   * @param needsRecovery false for burn-rate alerts, whose short window already makes them recover
   *     as soon as the burn stops
   */
  static List<String> check(ParsedQuery q, JsonNode options, boolean needsRecovery) {
    List<String> problems = new ArrayList<>();
    JsonNode t = options.path("thresholds");
    double critical = q.threshold();
    if (!t.has("critical") || t.get("critical").asDouble() != critical) {
      problems.add("options.thresholds.critical must equal the query threshold " + critical);
    }
    boolean above = q.comparator().startsWith(">");
    if (t.has("warning") && !beyond(t.get("warning").asDouble(), critical, above)) {
      problems.add(
          "warning "
              + t.get("warning").asDouble()
              + " is not on the non-alerting side of "
              + critical);
    }
    if (needsRecovery) {
      problems.addAll(recovery(t, "critical", critical, above));
      if (t.has("warning")) {
        problems.addAll(recovery(t, "warning", t.get("warning").asDouble(), above));
      }
    }
    if (q.functions().contains("anomalies") && !options.has("threshold_windows")) {
      problems.add("an anomalies() monitor needs options.threshold_windows");
    }
    return problems;
  }

  private static List<String> recovery(JsonNode t, String level, double value, boolean above) {
    String key = level + "_recovery";
    if (!t.has(key)) return List.of("options.thresholds." + key + " is missing (flapping)");
    if (!beyond(t.get(key).asDouble(), value, above)) {
      return List.of(
          key + " " + t.get(key).asDouble() + " is not on the non-alerting side of " + value);
    }
    return List.of();
  }

  /** {@code candidate} lies strictly on the non-alerting side of {@code threshold}. */
  private static boolean beyond(double candidate, double threshold, boolean above) {
    return above ? candidate < threshold : candidate > threshold;
  }
}
