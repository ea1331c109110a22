package dev.lrcp.optimization;

import java.time.Instant;
import java.util.Map;

/**
 * A stored recommendation, a person's ({@code source = person}) or computed from the call records
 * ({@code generated}). The first fields are the original API's.
 *
 * @param status {@code pending}, {@code implemented}, {@code reverted} or {@code expired} (a
 *     generated one the data no longer supports)
 * @param monthlySavings null for a person's recommendation (its estimate is per request)
 * @param confidence 0..1 from the data; null for a person's
 * @param control what implementing it applies or applied; null when nothing the service owns
 * @param baselineMetrics the caller's {@code baseline_metrics} at implementation, and the measured
 *     baseline under {@code measured}
 */
record Recommendation(
    String id,
    String title,
    String category,
    String description,
    String status,
    String priority,
    double estimatedSavingsPerRequest,
    double estimatedSavingsPercentage,
    double implementationCost,
    Instant createdAt,
    Instant implementedAt,
    String source,
    String endpoint,
    String model,
    Estimate monthlySavings,
    Double confidence,
    Map<String, Object> evidence,
    Control control,
    Instant refreshedAt,
    String implementedBy,
    Map<String, Object> baselineMetrics) {

  static final String PENDING = "pending";
  static final String IMPLEMENTED = "implemented";
  static final String REVERTED = "reverted";
  static final String EXPIRED = "expired";
  static final String PERSON = "person";
  static final String GENERATED = "generated";

  Recommendation implemented(Instant at, String by, Map<String, Object> baseline) {
    return new Recommendation(
        id,
        title,
        category,
        description,
        IMPLEMENTED,
        priority,
        estimatedSavingsPerRequest,
        estimatedSavingsPercentage,
        implementationCost,
        createdAt,
        at,
        source,
        endpoint,
        model,
        monthlySavings,
        confidence,
        evidence,
        control,
        refreshedAt,
        by,
        baseline);
  }

  String fingerprint() {
    return category + "|" + endpoint + "|" + (model == null ? "" : model);
  }
}
