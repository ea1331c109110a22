package dev.lrcp.forecast;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /insights/forecast}: one slice's hourly metric, its recent history and forecast with
 * the forecast's own backtest, the horizon's total, and for spend the month's projection.
 *
 * @param scope {@code service}, or the slice's filters, e.g. {@code endpoint:/qa,model:m}
 * @param history the last week of hourly values the forecast starts from (zero-filled)
 * @param confidence the backtest's measured 80 % coverage: how often its 80 % intervals held the
 *     later outcome; null without a backtest, {@code confidenceBasis} says which
 * @param month spend only: the current UTC month's projection at this rate, else null
 */
public record LiveForecast(
    @Schema(example = "cost") String metric,
    @Schema(example = "usd") String unit,
    @Schema(example = "service") String scope,
    @Schema(example = "1h") String interval,
    List<Value> history,
    List<Forecast.Point> forecast,
    @Schema(example = "holt_winters_daily") String method,
    List<Integer> seasons,
    String note,
    Forecast.Accuracy backtest,
    Total total,
    Double confidence,
    String confidenceBasis,
    Month month,
    Instant generatedAt) {

  /** One past hour. */
  public record Value(Instant timestamp, double value) {}

  /** The sum over the horizon; bounds add the per-step bounds (errors fully correlated). */
  public record Total(
      double value, double lower80, double upper80, double lower95, double upper95) {

    static Total of(List<Forecast.Point> points) {
      double v = 0, l80 = 0, u80 = 0, l95 = 0, u95 = 0;
      for (Forecast.Point p : points) {
        v += p.value();
        l80 += p.lower80();
        u80 += p.upper80();
        l95 += p.lower95();
        u95 += p.upper95();
      }
      return new Total(v, l80, u80, l95, u95);
    }
  }

  /** "2026-11 spend reaches $X (80 %: ...)": spent so far plus the forecast to the month's end. */
  public record Month(
      @Schema(example = "2026-11") String month,
      double spentUsd,
      double projectedUsd,
      double projectedLower80Usd,
      double projectedUpper80Usd,
      String summary) {}
}
