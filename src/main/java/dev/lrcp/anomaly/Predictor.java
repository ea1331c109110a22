package dev.lrcp.anomaly;

/**
 * A one-step expectation of a series with the robust scale of its own recent errors, so a new point
 * can be expressed as a robust z-score. Subclasses say what they expect and how they learn.
 */
abstract class Predictor {

  private static final int MIN_ERRORS = 32;

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

  /** Robust z-score of {@code value}: its error over 1.4826 × the median absolute error. */
  double z(long t, double value) {
    double e = expect(t);
    if (Double.isNaN(e)) {
      return 0;
    }
    return (value - e) / Math.max(1.4826 * absErrors.median(), 1e-9);
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
