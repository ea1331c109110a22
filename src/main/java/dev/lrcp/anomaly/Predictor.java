package dev.lrcp.anomaly;

/**
 * A one-step expectation of a series with the robust scale of its own recent errors, so a new point
 * can be expressed as a robust z-score. Subclasses say what they expect and how they learn.
 */
abstract class Predictor {

  private static final int MIN_ERRORS = 32;
  private static final double[] FALLBACK_QUANTILES = {0.75, 0.9, 0.95, 0.99};
  // the same quantiles of |N(0, 1)|: Φ⁻¹((1 + q) / 2)
  private static final double[] GAUSSIAN_ABS_QUANTILES = {1.1503, 1.6449, 1.9600, 2.5758};

  private final RollingWindow absErrors;
  private final double errorWeight;
  private double error = Double.NaN;

  Predictor(int scaleWindow) {
    this.absErrors = new RollingWindow(scaleWindow);
    this.errorWeight = 1.0 / scaleWindow;
  }

  /** The expected value at {@code t}, or NaN while there is not enough history. */
  abstract double expect(long t);

  abstract void learn(long t, double value);

  boolean ready() {
    return absErrors.size() >= MIN_ERRORS;
  }

  /** Mean absolute error over about one scale window: how the detector picks its predictor. */
  double error() {
    return error;
  }

  /** Robust z-score of {@code value}: its error over the robust scale of the errors. */
  double z(long t, double value) {
    double e = expect(t);
    if (Double.isNaN(e)) {
      return 0;
    }
    return (value - e) / scale();
  }

  /**
   * 1.4826 × the median absolute error, a Gaussian standard deviation. On discrete series (counts,
   * key presses, quantised gauges) more than half the errors can be exactly zero; the median then
   * collapses, every nonzero error would get a z of about 10⁹, so the lowest higher quantile that
   * is not zero takes its place, scaled to the same standard deviation.
   */
  private double scale() {
    double mad = absErrors.median();
    if (mad > 0) {
      return 1.4826 * mad;
    }
    for (int i = 0; i < FALLBACK_QUANTILES.length; i++) {
      double q = absErrors.quantile(FALLBACK_QUANTILES[i]);
      if (q > 0) {
        return q / GAUSSIAN_ABS_QUANTILES[i];
      }
    }
    return 1e-9;
  }

  void update(long t, double value) {
    double e = expect(t);
    if (!Double.isNaN(e)) {
      double a = Math.abs(value - e);
      absErrors.add(a);
      error = Double.isNaN(error) ? a : error + errorWeight * (a - error);
    }
    learn(t, value);
  }
}
