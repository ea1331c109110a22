package dev.lrcp.insights;

import java.util.List;

/** Least-squares trend of a per-minute series, extrapolated to an objective. */
final class TrendPredictor {

  private TrendPredictor() {}

  /**
   * @param series one value per minute, oldest first; null where the minute had no traffic
   * @return null with fewer than three measured minutes
   */
  static Prediction predict(
      String metric, String scope, List<Double> series, double objective, String unit) {
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    Double first = null, last = null;
    int firstMinute = 0;
    for (int x = 0; x < series.size(); x++) {
      Double y = series.get(x);
      if (y == null) {
        continue;
      }
      if (first == null) {
        first = y;
        firstMinute = x;
      }
      last = y;
      n++;
      sx += x;
      sy += y;
      sxx += (double) x * x;
      sxy += x * y;
    }
    if (n < 3 || n * sxx - sx * sx == 0) {
      return null;
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    int minutes = series.size() - 1 - firstMinute;
    String moved = slope >= 0 ? "rose" : "fell";
    String head =
        InsightsAnalyzer.fmt(
            "%s on %s %s from %s to %s over %d minutes",
            metric, scope, moved, value(first, unit), value(last, unit), minutes);
    Double toBreach = null;
    String tail;
    if (last >= objective) {
      tail = InsightsAnalyzer.fmt("; it is above the objective of %s now", value(objective, unit));
    } else if (slope > 0) {
      toBreach = (objective - last) / slope;
      tail =
          InsightsAnalyzer.fmt(
              "; at this trend the objective of %s is breached in about %.0f minutes",
              value(objective, unit), Math.ceil(toBreach));
    } else {
      tail =
          InsightsAnalyzer.fmt(
              "; it is not moving towards the objective of %s", value(objective, unit));
    }
    return new Prediction(metric, scope, last, objective, slope, toBreach, head + tail);
  }

  private static String value(double v, String unit) {
    return "%".equals(unit)
        ? InsightsAnalyzer.fmt("%.1f%%", v * 100)
        : InsightsAnalyzer.fmt("%,.0f %s", v, unit);
  }
}
