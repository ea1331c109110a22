package dev.lrcp.forecast;

/**
 * Additive Holt-Winters over evenly spaced points, with a damped trend and up to two seasons of
 * {@code period1} and {@code period2} points (0 = no such season), made robust as Gelper, Fried and
 * Croux propose: a point enters the updates with its error clipped to ±{@link #CLIP} times a
 * running scale of the errors, so a burst neither drags the level nor imprints itself on the
 * season. Initial states come from the first two seasons of the longest period.
 */
final class HoltWinters {

  static final double CLIP = 2.5;
  private static final double SCALE_RATE = 0.05;

  private final int period1;
  private final int period2;

  HoltWinters(int period1, int period2) {
    this.period1 = period1;
    this.period2 = period2;
  }

  int minimumHistory() {
    return 2 * Math.max(Math.max(period1, period2), 1);
  }

  /** Filters {@code y[0, end)} and forecasts the next {@code h} points. */
  double[] forecast(double[] y, int end, int h, Smoothing s) {
    State state = new State();
    for (int t = start(); t < end; t++) {
      state.step(y, t, s);
    }
    double[] out = new double[h];
    for (int k = 1; k <= h; k++) {
      out[k - 1] = state.ahead(end, k, s);
    }
    return out;
  }

  /**
   * Mean absolute error of forecasts 1..{@code h} steps ahead from every {@code stride}-th point of
   * one pass over {@code y}: the fitting objective, so rates are chosen for the horizon asked.
   */
  double error(double[] y, int h, int stride, Smoothing s) {
    State state = new State();
    double sum = 0;
    long count = 0;
    for (int t = start(); t < y.length; t++) {
      if (t >= minimumHistory() && (t - minimumHistory()) % stride == 0) {
        for (int k = 1; k <= h && t + k - 1 < y.length; k++) {
          sum += Math.abs(y[t + k - 1] - state.ahead(t, k, s));
          count++;
        }
      }
      state.step(y, t, s);
    }
    return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
  }

  private int start() {
    return Math.max(period1, period2);
  }

  /** Level, trend, both seasonal profiles and the running error scale. */
  private final class State {
    private final double[] d = new double[Math.max(period1, 1)];
    private final double[] w = new double[Math.max(period2, 1)];
    private double level;
    private double trend;
    private double scale = Double.NaN;
    private boolean initialised;

    void step(double[] y, int t, Smoothing s) {
      if (!initialised) {
        initialise(y);
      }
      double season1 = d[t % d.length];
      double season2 = w[t % w.length];
      double expected = level + s.phi() * trend + season1 + season2;
      double error = y[t] - expected;
      double bound = Double.isNaN(scale) ? Double.POSITIVE_INFINITY : CLIP * scale;
      double clean = expected + Math.max(-bound, Math.min(bound, error));
      scale =
          Double.isNaN(scale)
              ? Math.abs(error)
              : scale + SCALE_RATE * (Math.min(Math.abs(error), bound) - scale);
      double previous = level;
      level = s.alpha() * (clean - season1 - season2) + (1 - s.alpha()) * (level + s.phi() * trend);
      trend = s.beta() * (level - previous) + (1 - s.beta()) * s.phi() * trend;
      if (period1 > 0) {
        d[t % d.length] = s.gamma() * (clean - level - season2) + (1 - s.gamma()) * season1;
      }
      if (period2 > 0) {
        w[t % w.length] = s.delta() * (clean - level - season1) + (1 - s.delta()) * season2;
      }
    }

    /** The forecast {@code k} steps after the last point filtered, which was {@code end − 1}. */
    double ahead(int end, int k, Smoothing s) {
      double damped = s.phi() == 1 ? k : s.phi() * (1 - Math.pow(s.phi(), k)) / (1 - s.phi());
      int t = end + k - 1;
      return level
          + damped * trend
          + (period1 > 0 ? d[t % d.length] : 0)
          + (period2 > 0 ? w[t % w.length] : 0);
    }

    private void initialise(double[] y) {
      int span = Math.max(start(), 1);
      for (int t = 0; t < span; t++) {
        level += y[t] / span;
      }
      if (period1 > 0) {
        profile(y, span, d, null);
      }
      if (period2 > 0) {
        profile(y, span, w, period1 > 0 ? d : null);
      }
      initialised = true;
    }

    /** Mean deviation from the level at each phase, after removing an already known profile. */
    private void profile(double[] y, int span, double[] out, double[] known) {
      int[] count = new int[out.length];
      for (int t = 0; t < 2 * span; t++) {
        out[t % out.length] += y[t] - level - (known == null ? 0 : known[t % known.length]);
        count[t % out.length]++;
      }
      for (int k = 0; k < out.length; k++) {
        out[k] /= Math.max(count[k], 1);
      }
    }
  }
}
