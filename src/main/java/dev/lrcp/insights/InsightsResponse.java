package dev.lrcp.insights;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The original's response shape, plus where the numbers came from and, live, the anomaly stories
 * and quality-drift warnings over the recent calls (empty for supplied aggregates).
 */
public record InsightsResponse(
    HealthSummary healthSummary,
    List<Recommendation> recommendations,
    List<Prediction> predictiveInsights,
    List<String> priorityActions,
    List<Story> stories,
    List<DriftInsight> qualityDrift,
    String basis,
    Instant generatedAt) {

  /** {@code overall_health_score} is null when a live window held no calls. */
  public record HealthSummary(
      Double overallHealthScore, Map<String, Double> componentScores, String status) {}

  static List<String> priorities(List<Recommendation> recommendations) {
    return recommendations.stream().limit(5).map(Recommendation::title).toList();
  }
}
