package dev.lrcp.optimization;

import java.time.Instant;

/** Turns a {@link Finding} into the stored {@link Recommendation} it becomes. */
final class Generated {

  private Generated() {}

  static Recommendation from(Finding f, String id, Instant created, Instant refreshed) {
    return new Recommendation(
        id,
        f.title(),
        f.kind().tag(),
        f.description(),
        Recommendation.PENDING,
        priority(f.savingsPercentage()),
        f.savingsPerRequest(),
        f.savingsPercentage(),
        0,
        created,
        null,
        Recommendation.GENERATED,
        f.endpoint(),
        f.model(),
        f.monthly(),
        f.confidence(),
        f.evidence(),
        f.control(),
        refreshed,
        null,
        null);
  }

  static Recommendation withStatus(Recommendation r, String status) {
    return new Recommendation(
        r.id(),
        r.title(),
        r.category(),
        r.description(),
        status,
        r.priority(),
        r.estimatedSavingsPerRequest(),
        r.estimatedSavingsPercentage(),
        r.implementationCost(),
        r.createdAt(),
        r.implementedAt(),
        r.source(),
        r.endpoint(),
        r.model(),
        r.monthlySavings(),
        r.confidence(),
        r.evidence(),
        r.control(),
        r.refreshedAt(),
        r.implementedBy(),
        r.baselineMetrics());
  }

  /** By the share of the scope's spend it saves. */
  static String priority(double savingsPercentage) {
    return savingsPercentage >= 20 ? "high" : savingsPercentage >= 5 ? "medium" : "low";
  }
}
