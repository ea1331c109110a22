package dev.lrcp.anomaly;

/**
 * Tail probability of a statistic against its own recent history (peaks over threshold): the
 * empirical share above it up to the 98th percentile, and beyond that a Pareto tail whose index is
 * Hill's estimator over the exceedances, so heavy-tailed series (counts, bursts) are not flagged as
 * often as an exponential or Gaussian tail would flag them.
 */
final class Tail {

  private static final double QUANTILE = 0.98;
  private static final int MIN_HISTORY = 50;

  private final RollingWindow history;

  Tail(int capacity) {
    this.history = new RollingWindow(capacity);
  }

  /** P(X ≥ x) under the recent history; 1 while the history is too short to say. */
  double pValue(double x) {
    if (history.size() < MIN_HISTORY) {
      return 1;
    }
    double u = history.quantile(QUANTILE);
    if (x <= u) {
      return Math.max(1 - history.rankOf(x), 1 - QUANTILE);
    }
    if (u <= 1e-9) {
      return (1 - QUANTILE) * Math.exp(-(x - u) / Math.max(history.meanAbove(u) - u, 1e-9));
    }
    double hill = Math.max(history.meanLogAbove(u), 1e-9);
    return (1 - QUANTILE) * Math.pow(x / u, -1 / hill);
  }

  void add(double x) {
    history.add(x);
  }
}
