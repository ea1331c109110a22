package dev.lrcp.forecast;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A forecast with what produced it: the method, its seasons in points, a note when it fell back to
 * a simpler method (and why), and its own backtest (null when the history is too short for one, in
 * which case the intervals are normal approximations from one-step errors).
 */
record Forecast(
    List<Point> points, String method, List<Integer> seasons, String note, Accuracy backtest) {

  /** One step ahead: the point forecast and its 80 % and 95 % prediction intervals. */
  record Point(
      @Schema(example = "2026-11-02T00:00:00Z") Instant timestamp,
      @Schema(example = "1.84") double value,
      @Schema(example = "1.52") double lower80,
      @Schema(example = "2.17") double upper80,
      @Schema(example = "1.31") double lower95,
      @Schema(example = "2.49") double upper95) {}

  /**
   * Rolling-origin accuracy on the series itself: MASE of the method and of seasonal-naive over the
   * same origins and horizon (scaled by seasonal-naive's in-sample one-season error), their ratio,
   * and the share of later errors inside intervals calibrated on earlier ones. A ratio that is 0/0
   * (a flat series) is null.
   */
  record Accuracy(
      @Schema(example = "0.86") Double mase,
      @Schema(example = "1.12") Double seasonalNaiveMase,
      @Schema(example = "0.77") Double relativeToSeasonalNaive,
      @Schema(example = "0.79") Double coverage80,
      @Schema(example = "0.94") Double coverage95,
      @Schema(example = "60") int origins,
      @Schema(example = "24") int horizon) {

    /** Ratios of a flat series are 0/0: reported as null, never as NaN. */
    static Double finite(double x) {
      return Double.isFinite(x) ? x : null;
    }
  }
}
