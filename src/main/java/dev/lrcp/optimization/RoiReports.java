package dev.lrcp.optimization;

import dev.lrcp.storage.CallRecordRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;

/** Measures implemented recommendations and records their results. */
@Service
class RoiReports {

  private final Recommendations recommendations;
  private final ResultStore results;
  private final CallRecordRepository records;
  private final Clock clock;

  RoiReports(
      Recommendations recommendations,
      ResultStore results,
      CallRecordRepository records,
      Clock clock) {
    this.recommendations = recommendations;
    this.results = results;
    this.records = records;
    this.clock = clock;
  }

  /** The recommendation's ROI over windows of at most {@code longest}; null if not implemented. */
  Roi measure(Recommendation r, Duration longest) {
    if (r.implementedAt() == null) {
      return null;
    }
    Instant now = clock.instant();
    Duration window = RoiMeter.window(r.implementedAt(), now, longest);
    Instant at = r.implementedAt();
    var meter = new RoiMeter(new SplittableRandom(at.toEpochMilli()));
    return meter.measure(
        r, window, records.between(at.minus(window), at), records.between(at, at.plus(window)));
  }

  /**
   * Records a result: what the after-window's calls cost against what they would have cost at the
   * baseline cost per request (the caller's {@code baseline_metrics.cost_per_request}, else the
   * measured one). Values the caller sent win over measured ones.
   */
  Result record(String id, ResultRequest request) {
    Recommendation r = recommendations.find(id);
    Problems.requireSameId(request.recommendationId(), id);
    if (r.implementedAt() == null || !r.status().equals(Recommendation.IMPLEMENTED)) {
      throw Problems.unprocessable(
          "recommendation " + id + " is " + r.status() + ", not implemented");
    }
    Roi roi = measure(r, Duration.ofDays(request.days()));
    long count = request.requestCount() != null ? request.requestCount() : roi.after().requests();
    Double baseline = baselineCostPerRequest(r, roi);
    if (request.beforeCost() == null && baseline == null) {
      throw Problems.unprocessable(
          "before_cost: no calls before the implementation and no baseline_metrics.cost_per_request;"
              + " send before_cost");
    }
    Estimate afterCpr = roi.after().costPerRequestUsd();
    if (request.afterCost() == null && afterCpr == null) {
      throw Problems.unprocessable(
          "after_cost: no calls since the implementation; send after_cost");
    }
    double before = request.beforeCost() != null ? request.beforeCost() : baseline * count;
    double after = request.afterCost() != null ? request.afterCost() : afterCpr.usd() * count;
    double savings = before - after;
    boolean costed = r.implementationCost() > 0;
    var result =
        new Result(
            id,
            roi.after().from(),
            roi.after().to(),
            request.days(),
            before,
            after,
            savings,
            count,
            costed ? (savings - r.implementationCost()) / r.implementationCost() * 100 : null,
            costed ? null : "no implementation cost recorded: ROI is relative to it",
            request.confidenceScore() != null
                ? request.confidenceScore()
                : roi.savingProbability());
    results.insert(result, clock.instant());
    return result;
  }

  List<Result> results(String id) {
    return results.of(id);
  }

  /** Results whose period ended in the last {@code days}, and every implemented one measured. */
  RoiReport report(int days, String category) {
    Instant now = clock.instant();
    Duration period = Duration.ofDays(days);
    var byId = new java.util.HashMap<String, Recommendation>();
    recommendations.list(null, category, null).forEach(r -> byId.put(r.id(), r));
    List<RoiReport.Line> lines =
        results.endedSince(now.minus(period)).stream()
            .filter(r -> byId.containsKey(r.recommendationId()))
            .map(r -> new RoiReport.Line(byId.get(r.recommendationId()), r))
            .toList();
    List<RoiReport.Measured> implemented =
        byId.values().stream()
            .filter(r -> r.status().equals(Recommendation.IMPLEMENTED))
            .sorted(java.util.Comparator.comparing(Recommendation::implementedAt).reversed())
            .map(r -> new RoiReport.Measured(r.id(), r.title(), r.category(), measure(r, period)))
            .toList();
    return RoiReport.of(days, lines, implemented, now);
  }

  private static Double baselineCostPerRequest(Recommendation r, Roi roi) {
    if (r.baselineMetrics() != null
        && r.baselineMetrics().get("cost_per_request") instanceof Number n
        && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    Estimate measured = roi.before().costPerRequestUsd();
    return measured == null ? null : measured.usd();
  }
}
