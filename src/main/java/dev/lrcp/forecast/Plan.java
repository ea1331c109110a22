package dev.lrcp.forecast;

import java.util.List;

/**
 * Which method a series of {@code n} points at {@code interval} seconds gets, and why: the season
 * is a day of points (a week for daily series), the second season a week.
 */
record Plan(Kind kind, String name, int season, int week, int minHistory, String note) {

  enum Kind {
    HOLT_WINTERS,
    SEASONAL_NAIVE,
    DRIFT
  }

  private static final long DAY = 86_400;

  static Plan choose(int n, long interval, int horizon) {
    int season =
        DAY % interval == 0 && DAY / interval >= 2
            ? (int) (DAY / interval)
            : interval == DAY ? 7 : 0;
    int week = season > 0 && interval < DAY ? 7 * season : 0;
    if (season == 0) {
      return new Plan(
          Kind.DRIFT, "drift", 0, 0, 2, "no daily season at an interval of " + interval + " s");
    }
    if (n >= 3 * week && week > 0) {
      return new Plan(Kind.HOLT_WINTERS, "holt_winters_daily_weekly", season, week, 2 * week, null);
    }
    if (n >= 2 * season) {
      String name = interval == DAY ? "holt_winters_weekly" : "holt_winters_daily";
      return new Plan(Kind.HOLT_WINTERS, name, season, 0, 2 * season, null);
    }
    if (n > season) {
      return new Plan(
          Kind.SEASONAL_NAIVE,
          "seasonal_naive",
          season,
          0,
          season,
          "fewer than two seasons of history (" + n + " points, season " + season + ")");
    }
    return new Plan(
        Kind.DRIFT,
        "drift",
        0,
        0,
        2,
        "less than one season of history (" + n + " points, season " + season + ")");
  }

  List<Integer> seasons() {
    return kind == Kind.DRIFT ? List.of() : week > 0 ? List.of(season, week) : List.of(season);
  }

  /** The method, fitted to {@code y} where it has parameters. */
  Method method(double[] y, int horizon) {
    return switch (kind) {
      case DRIFT -> new Method.Drift();
      case SEASONAL_NAIVE -> new Method.SeasonalNaive(season);
      case HOLT_WINTERS -> {
        var model = new HoltWinters(season, week);
        var rates = RateFit.fit(model, y, season, week > 0, horizon);
        yield new Method.Smoothed(name, model, rates);
      }
    };
  }
}
