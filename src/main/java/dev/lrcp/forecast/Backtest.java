package dev.lrcp.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling-origin backtest of a method on its own series: forecasts of {@code horizon} steps from up
 * to {@link #MAX_ORIGINS} past origins, the last one ending at the newest point. Its errors give
 * the MASE against seasonal-naive and the empirical prediction intervals; the coverage is measured
 * honestly, on the newer half of the origins with intervals from the older half.
 */
final class Backtest {

  static final int MAX_ORIGINS = 60;
  static final int MIN_ORIGINS = 8;

  private final double[][] errors;
  private final double[][] naiveErrors;
  private final int horizon;
  private final double scale;

  private Backtest(double[][] errors, double[][] naiveErrors, int horizon, double scale) {
    this.errors = errors;
    this.naiveErrors = naiveErrors;
    this.horizon = horizon;
    this.scale = scale;
  }

  /** Origins from oldest to newest, each at least {@code minHistory} points in. */
  static Backtest run(Method method, double[] y, int horizon, int season, int minHistory) {
    int stride = Math.max(1, season > 1 ? season / 4 : horizon / 2);
    List<Integer> origins = new ArrayList<>();
    for (int o = y.length - horizon; o >= minHistory && origins.size() < MAX_ORIGINS; o -= stride) {
      origins.add(0, o);
    }
    var naive = new Method.SeasonalNaive(Math.max(season, 1));
    double[][] e = new double[origins.size()][];
    double[][] n = new double[origins.size()][];
    for (int j = 0; j < origins.size(); j++) {
      int o = origins.get(j);
      e[j] = minus(y, o, method.forecast(y, o, horizon));
      n[j] = minus(y, o, naive.forecast(y, o, horizon));
    }
    return new Backtest(e, n, horizon, naiveScale(y, Math.max(season, 1)));
  }

  private static double[] minus(double[] y, int origin, double[] forecast) {
    double[] out = new double[forecast.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = y[origin + k] - forecast[k];
    }
    return out;
  }

  /** In-sample mean absolute error of the one-season-back forecast (MASE's denominator). */
  private static double naiveScale(double[] y, int season) {
    double sum = 0;
    for (int t = season; t < y.length; t++) {
      sum += Math.abs(y[t] - y[t - season]);
    }
    return y.length > season ? sum / (y.length - season) : Double.NaN;
  }

  int origins() {
    return errors.length;
  }

  boolean isUsable() {
    return errors.length >= MIN_ORIGINS;
  }

  double mase() {
    return meanAbs(errors) / scale;
  }

  double naiveMase() {
    return meanAbs(naiveErrors) / scale;
  }

  private static double meanAbs(double[][] errors) {
    return Arrays.stream(errors)
        .flatMapToDouble(Arrays::stream)
        .map(Math::abs)
        .average()
        .orElse(Double.NaN);
  }

  /** Error quantile {@code q} at step {@code k} (0-based), pooled over neighbouring steps. */
  double quantile(int k, double q) {
    return Quantiles.of(pooled(0, errors.length, k), q);
  }

  /** Share of newer-half errors inside the central {@code level} interval of older-half errors. */
  double coverage(double level) {
    int split = errors.length / 2;
    double tail = (1 - level) / 2;
    int inside = 0;
    int total = 0;
    for (int k = 0; k < horizon; k++) {
      double[] calibration = pooled(0, split, k);
      double lo = Quantiles.of(calibration, tail);
      double hi = Quantiles.of(calibration, 1 - tail);
      for (int j = split; j < errors.length; j++) {
        inside += errors[j][k] >= lo && errors[j][k] <= hi ? 1 : 0;
        total++;
      }
    }
    return total == 0 ? Double.NaN : (double) inside / total;
  }

  private double[] pooled(int from, int to, int k) {
    int radius = Math.max(1, horizon / 12);
    int lo = Math.max(0, k - radius);
    int hi = Math.min(horizon - 1, k + radius);
    double[] out = new double[(to - from) * (hi - lo + 1)];
    int i = 0;
    for (int j = from; j < to; j++) {
      for (int s = lo; s <= hi; s++) {
        out[i++] = errors[j][s];
      }
    }
    return out;
  }
}
