package dev.lrcp.optimization;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /optimization/roi-report}: the original's summary of recorded results in the period,
 * plus {@code implemented}, every implemented recommendation measured on the call records now.
 *
 * @param averageRoi mean of the results' ROIs that exist; null (with the reason) when none does
 */
record RoiReport(
    int periodDays,
    double totalSavings,
    long totalRequests,
    int recommendationsCount,
    List<Top> topRecommendations,
    Map<String, Double> savingsByCategory,
    Double averageRoi,
    String averageRoiReason,
    List<Measured> implemented,
    String message,
    Instant generatedAt) {

  /** A result among the largest savings, the original's fields. */
  record Top(
      String id,
      String title,
      String category,
      double savings,
      Double roiPercentage,
      int periodDays,
      Double confidence,
      String message) {}

  /** An implemented recommendation and what it changed. */
  record Measured(String id, String title, String category, Roi roi) {}

  /** A recorded result with the recommendation it belongs to. */
  record Line(Recommendation recommendation, Result result) {}

  static RoiReport of(int days, List<Line> lines, List<Measured> implemented, Instant now) {
    var byCategory = new TreeMap<String, Double>();
    lines.forEach(
        l ->
            byCategory.merge(
                l.recommendation().category(), l.result().actualSavings(), Double::sum));
    byCategory.replaceAll((k, v) -> round(v, 6));
    var rois = lines.stream().map(l -> l.result().roiPercentage()).filter(r -> r != null).toList();
    List<Top> top =
        lines.stream()
            .sorted(Comparator.comparingDouble((Line l) -> l.result().actualSavings()).reversed())
            .limit(5)
            .map(l -> top(l, days))
            .toList();
    return new RoiReport(
        days,
        round(lines.stream().mapToDouble(l -> l.result().actualSavings()).sum(), 6),
        lines.stream().mapToLong(l -> l.result().requestCount()).sum(),
        lines.size(),
        top,
        byCategory,
        rois.isEmpty()
            ? null
            : round(rois.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 1),
        rois.isEmpty() ? "no recorded result has an ROI (none has an implementation cost)" : null,
        implemented,
        lines.isEmpty()
            ? "No optimization results found in the last " + days + " days"
            : String.format(Locale.ROOT, "%d results in the last %d days", lines.size(), days),
        now);
  }

  private static Top top(Line l, int days) {
    Result r = l.result();
    return new Top(
        l.recommendation().id(),
        l.recommendation().title(),
        l.recommendation().category(),
        round(r.actualSavings(), 6),
        r.roiPercentage(),
        r.periodDays(),
        r.confidenceScore(),
        String.format(
            Locale.ROOT,
            "This recommendation saved $%.2f in the last %d days",
            r.actualSavings(),
            days));
  }

  private static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
