package dev.lrcp.optimization;

import jakarta.validation.Valid;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The original's {@code /optimization/recommendations} and ROI API, over stored data. */
@RestController
@RequestMapping("/optimization")
class OptimizationController {

  private static final Set<String> STATUSES =
      Set.of(
          Recommendation.PENDING,
          Recommendation.IMPLEMENTED,
          Recommendation.REVERTED,
          Recommendation.EXPIRED);
  private static final Set<String> SOURCES =
      Set.of(Recommendation.PERSON, Recommendation.GENERATED);

  private final Recommendations recommendations;
  private final Implementer implementer;
  private final RoiReports reports;

  OptimizationController(
      Recommendations recommendations, Implementer implementer, RoiReports reports) {
    this.recommendations = recommendations;
    this.implementer = implementer;
    this.reports = reports;
  }

  @PostMapping("/recommendations")
  Map<String, Object> create(@Valid @RequestBody RecommendationRequest request) {
    Recommendation r = recommendations.create(request);
    var body = new LinkedHashMap<String, Object>();
    body.put("id", r.id());
    body.put("title", r.title());
    body.put("category", r.category());
    body.put("status", r.status());
    body.put("created_at", r.createdAt());
    body.put("message", "Recommendation created: " + r.title());
    return body;
  }

  /** Computes recommendations from the call records of the last {@code days} now. */
  @PostMapping("/recommendations/generate")
  Map<String, Object> generate(@RequestParam(defaultValue = "7") int days) {
    checkDays(days);
    List<Recommendation> found = recommendations.generate(Duration.ofDays(days));
    var body = new LinkedHashMap<String, Object>();
    body.put("period_days", days);
    body.put("generated", found.size());
    body.put(
        "recommendations",
        found.stream().map(r -> RecommendationView.summary(r, List.of())).toList());
    return body;
  }

  @GetMapping("/recommendations")
  List<RecommendationView> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String source) {
    if (status != null && !STATUSES.contains(status)) {
      throw Problems.badRequest("status must be one of " + String.join(", ", sorted(STATUSES)));
    }
    if (source != null && !SOURCES.contains(source)) {
      throw Problems.badRequest("source must be person or generated");
    }
    return recommendations.list(status, category, source).stream()
        .map(r -> RecommendationView.summary(r, reports.results(r.id())))
        .toList();
  }

  @GetMapping("/recommendations/{id}")
  RecommendationView get(@PathVariable String id) {
    Recommendation r = recommendations.find(id);
    return RecommendationView.detail(
        r, reports.results(id), reports.measure(r, Implementer.BASELINE));
  }

  @PostMapping("/recommendations/{id}/implement")
  Map<String, Object> implement(
      @PathVariable String id, @Valid @RequestBody(required = false) ImplementRequest request) {
    Recommendation r = implementer.implement(id, request == null ? ImplementRequest.NONE : request);
    boolean applied = r.control() != null && r.control().appliedByService();
    var body = new LinkedHashMap<String, Object>();
    body.put("id", r.id());
    body.put("status", r.status());
    body.put("implemented_at", r.implementedAt());
    body.put("implemented_by", r.implementedBy());
    body.put("control", r.control());
    body.put("control_applied", applied);
    body.put(
        "message",
        applied
            ? "Implemented: "
                + r.control().type()
                + " "
                + r.control().value()
                + " on "
                + r.endpoint()
            : "Recorded as implemented by " + r.implementedBy());
    return body;
  }

  /** Undoes an implementation: removes the control it applied, if any. */
  @PostMapping("/recommendations/{id}/revert")
  Map<String, Object> revert(
      @PathVariable String id, @RequestParam(name = "by", required = false) String by) {
    Recommendation r = implementer.revert(id, by);
    return Map.of("id", r.id(), "status", r.status(), "message", "Reverted " + r.id());
  }

  @PostMapping("/recommendations/{id}/record-result")
  Map<String, Object> recordResult(
      @PathVariable String id, @Valid @RequestBody(required = false) ResultRequest request) {
    Result r = reports.record(id, request == null ? ResultRequest.NONE : request);
    Recommendation rec = recommendations.find(id);
    var body = new LinkedHashMap<String, Object>();
    body.put("recommendation_id", id);
    body.put("recommendation_title", rec.title());
    body.put("period_days", r.periodDays());
    body.put("period_start", r.periodStart());
    body.put("period_end", r.periodEnd());
    body.put("before_cost", r.beforeCost());
    body.put("after_cost", r.afterCost());
    body.put("actual_savings", r.actualSavings());
    body.put("request_count", r.requestCount());
    body.put("roi_percentage", r.roiPercentage());
    body.put("roi_reason", r.roiReason());
    body.put("confidence_score", r.confidenceScore());
    body.put(
        "message",
        String.format(
            java.util.Locale.ROOT,
            "This recommendation saved $%.6f in the last %d days",
            r.actualSavings(),
            r.periodDays()));
    return body;
  }

  @GetMapping("/roi-report")
  RoiReport roiReport(
      @RequestParam(defaultValue = "7") int days, @RequestParam(required = false) String category) {
    checkDays(days);
    return reports.report(days, category);
  }

  private static void checkDays(int days) {
    if (days < 1 || days > 90) {
      throw Problems.badRequest("days must be between 1 and 90");
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
