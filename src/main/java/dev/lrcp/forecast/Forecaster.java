package dev.lrcp.forecast;

import dev.lrcp.series.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecasts a fixed-interval series {@code horizon} steps ahead. Holt-Winters with a daily season
 * (and a weekly one from three weeks of history: two to initialise it, one to backtest it);
 * seasonal-naive with between one and two days of history; drift with less, or when the interval
 * does not divide a day. Intervals are empirical quantiles of the backtest's errors at each step.
 */
final class Forecaster {

  static final int MAX_HISTORY = 10_000;
  private static final long DAY = 86_400;
  private static final double Z80 = 1.2816;
  private static final double Z95 = 1.9600;

  Forecast forecast(Series series, int horizon) {
    long interval = Math.max(series.interval(), 1);
    double[] y = recent(series.values());
    Plan plan = Plan.choose(y.length, interval, horizon);
    Method method = plan.method(y, horizon);
    double[] point = method.forecast(y, y.length, horizon);
    int backtestHorizon = Math.min(horizon, Math.max(1, (y.length - plan.minHistory()) / 2));
    Backtest backtest = Backtest.run(method, y, backtestHorizon, plan.season(), plan.minHistory());
    boolean nonNegative = Arrays.stream(y).allMatch(v -> v >= 0);
    long last = series.epochSeconds()[series.size() - 1];
    List<Forecast.Point> points = new ArrayList<>(horizon);
    double sigma = backtest.isUsable() ? 0 : oneStepSigma(method, y, plan.minHistory());
    for (int k = 0; k < horizon; k++) {
      double[] band =
          backtest.isUsable()
              ? empirical(backtest, k, backtestHorizon)
              : normal(sigma * Math.sqrt(k + 1.0));
      points.add(
          point(Instant.ofEpochSecond(last + (k + 1) * interval), point[k], band, nonNegative));
    }
    return new Forecast(
        points, method.name(), plan.seasons(), plan.note(), accuracy(backtest, backtestHorizon));
  }

  private static double[] recent(double[] values) {
    return values.length <= MAX_HISTORY
        ? values
        : Arrays.copyOfRange(values, values.length - MAX_HISTORY, values.length);
  }

  /** Offsets of the 80 % and 95 % bounds; beyond the backtest's horizon they widen as √k. */
  private static double[] empirical(Backtest b, int k, int tested) {
    int at = Math.min(k, tested - 1);
    double widen = Math.sqrt((k + 1.0) / (at + 1.0));
    return new double[] {
      widen * b.quantile(at, 0.10),
      widen * b.quantile(at, 0.90),
      widen * b.quantile(at, 0.025),
      widen * b.quantile(at, 0.975)
    };
  }

  private static double[] normal(double sigma) {
    return new double[] {-Z80 * sigma, Z80 * sigma, -Z95 * sigma, Z95 * sigma};
  }

  private static Forecast.Point point(
      Instant at, double value, double[] band, boolean nonNegative) {
    double floor = nonNegative ? 0 : Double.NEGATIVE_INFINITY;
    return new Forecast.Point(
        at,
        Math.max(value, floor),
        Math.max(value + band[0], floor),
        Math.max(value + band[1], floor),
        Math.max(value + band[2], floor),
        Math.max(value + band[3], floor));
  }

  /** Standard deviation of the method's one-step errors over the history it can forecast. */
  private static double oneStepSigma(Method method, double[] y, int from) {
    double sum = 0;
    int n = 0;
    for (int t = Math.max(from, 2); t < y.length; t++) {
      double e = y[t] - method.forecast(y, t, 1)[0];
      sum += e * e;
      n++;
    }
    return n == 0 ? 0 : Math.sqrt(sum / n);
  }

  private static Forecast.Accuracy accuracy(Backtest b, int horizon) {
    if (!b.isUsable()) {
      return null;
    }
    return new Forecast.Accuracy(
        b.mase(),
        b.naiveMase(),
        b.mase() / b.naiveMase(),
        b.coverage(0.80),
        b.coverage(0.95),
        b.origins(),
        horizon);
  }
}
