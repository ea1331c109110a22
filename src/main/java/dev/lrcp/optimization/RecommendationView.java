package dev.lrcp.optimization;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recommendation as the API shows it: the original's fields first ({@code total_savings}, {@code
 * results_count}, {@code latest_roi} from the recorded results), then the evidence behind a
 * generated one. The detail view adds the results and the measured ROI.
 *
 * @param latestRoiReason why {@code latest_roi} is null, when it is
 */
record RecommendationView(
    String id,
    String title,
    String category,
    String description,
    String status,
    String priority,
    Instant createdAt,
    Instant implementedAt,
    double estimatedSavingsPerRequest,
    double estimatedSavingsPercentage,
    double totalSavings,
    int resultsCount,
    Double latestRoi,
    String latestRoiReason,
    String source,
    String endpoint,
    String model,
    double implementationCost,
    Estimate monthlySavings,
    Double confidence,
    Map<String, Object> evidence,
    Control control,
    String implementedBy,
    Instant refreshedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> baselineMetrics,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ResultLine> results,
    @JsonInclude(JsonInclude.Include.NON_NULL) Roi roi) {

  /** One recorded result, the original's fields. */
  record ResultLine(
      Instant periodStart,
      Instant periodEnd,
      double actualSavings,
      Double roiPercentage,
      String roiReason,
      Double confidenceScore) {}

  static RecommendationView summary(Recommendation r, List<Result> results) {
    return of(r, results, false, null);
  }

  static RecommendationView detail(Recommendation r, List<Result> results, Roi roi) {
    return of(r, results, true, roi);
  }

  private static RecommendationView of(
      Recommendation r, List<Result> results, boolean detail, Roi roi) {
    Result latest = results.isEmpty() ? null : results.getLast();
    return new RecommendationView(
        r.id(),
        r.title(),
        r.category(),
        r.description(),
        r.status(),
        r.priority(),
        r.createdAt(),
        r.implementedAt(),
        r.estimatedSavingsPerRequest(),
        r.estimatedSavingsPercentage(),
        results.stream().mapToDouble(Result::actualSavings).sum(),
        results.size(),
        latest == null ? null : latest.roiPercentage(),
        latest == null ? "no result recorded" : latest.roiReason(),
        r.source(),
        r.endpoint(),
        r.model(),
        r.implementationCost(),
        r.monthlySavings(),
        r.confidence(),
        r.evidence(),
        r.control(),
        r.implementedBy(),
        r.refreshedAt(),
        detail ? r.baselineMetrics() : null,
        detail ? results.stream().map(RecommendationView::line).toList() : null,
        roi);
  }

  private static ResultLine line(Result r) {
    return new ResultLine(
        r.periodStart(),
        r.periodEnd(),
        r.actualSavings(),
        r.roiPercentage(),
        r.roiReason(),
        r.confidenceScore());
  }
}
