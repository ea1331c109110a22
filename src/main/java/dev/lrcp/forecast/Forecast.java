package dev.lrcp.forecast;

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
      Instant timestamp,
      double value,
      double lower80,
      double upper80,
      double lower95,
      double upper95) {}

  /**
   * Rolling-origin accuracy on the series itself: MASE of the method and of seasonal-naive over the
   * same origins and horizon (scaled by seasonal-naive's in-sample one-season error), their ratio,
   * and the share of later errors inside intervals calibrated on earlier ones. A ratio that is 0/0
   * (a flat series) is null.
   */
  record Accuracy(
      Double mase,
      Double seasonalNaiveMase,
      Double relativeToSeasonalNaive,
      Double coverage80,
      Double coverage95,
      int origins,
      int horizon) {

    /** Ratios of a flat series are 0/0: reported as null, never as NaN. */
    static Double finite(double x) {
      return Double.isFinite(x) ? x : null;
    }
  }
}
