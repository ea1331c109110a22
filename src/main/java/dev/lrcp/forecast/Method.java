package dev.lrcp.forecast;

/** A forecasting method: from the first {@code end} points of {@code y}, the next {@code h}. */
interface Method {

  /** The name reported as the forecast's {@code method}. */
  String name();

  double[] forecast(double[] y, int end, int h);

  /** Repeats the value one season earlier (ŷ_{t+k} = y_{t+k−m·⌈k/m⌉}). */
  record SeasonalNaive(int period) implements Method {
    @Override
    public String name() {
      return "seasonal_naive";
    }

    @Override
    public double[] forecast(double[] y, int end, int h) {
      double[] out = new double[h];
      for (int k = 1; k <= h; k++) {
        out[k - 1] = y[end - period + (k - 1) % period];
      }
      return out;
    }
  }

  /** The line from the first to the last point, extended. */
  record Drift() implements Method {
    @Override
    public String name() {
      return "drift";
    }

    @Override
    public double[] forecast(double[] y, int end, int h) {
      double slope = end > 1 ? (y[end - 1] - y[0]) / (end - 1) : 0;
      double[] out = new double[h];
      for (int k = 1; k <= h; k++) {
        out[k - 1] = y[end - 1] + k * slope;
      }
      return out;
    }
  }

  /** Holt-Winters with rates fitted once on the whole history. */
  record Smoothed(String name, HoltWinters model, Smoothing rates) implements Method {
    @Override
    public double[] forecast(double[] y, int end, int h) {
      return model.forecast(y, end, h, rates);
    }
  }
}
