package dev.lrcp.anomaly;

/**
 * How surprising the latest point is, from four statistics of the robust z-scores and values, each
 * turned into a tail probability against its own history and combined with a Bonferroni bound: the
 * point itself (a spike), the mean of the last z-scores (a shift), the mean of their magnitudes (a
 * burst of volatility), and the recent median against the median of a longer window in units of its
 * spread (a level change the predictors have already adapted to).
 */
final class Evidence {

  private static final int HISTORY = 2000;
  private static final int SHIFT_POINTS = 10;
  private static final int VOLATILITY_POINTS = 20;
  private static final double Z_CAP = 10;

  private final Tail point = new Tail(HISTORY);
  private final Tail shift = new Tail(HISTORY);
  private final Tail volatility = new Tail(HISTORY);
  private final Tail level = new Tail(HISTORY);
  private final RingSum recentZ = new RingSum(SHIFT_POINTS);
  private final RingSum recentAbsZ = new RingSum(VOLATILITY_POINTS);
  private final RollingWindow shortValues = new RollingWindow(12);
  private final RollingWindow longValues;

  Evidence(int levelWindow) {
    this.longValues = new RollingWindow(levelWindow);
  }

  /**
   * Combined tail probability of the point with robust z-score {@code z} and value {@code value}.
   */
  double pValue(double z, double value) {
    recentZ.add(z);
    recentAbsZ.add(Math.min(Math.abs(z), Z_CAP));
    double p =
        Math.min(
            observe(point, Math.abs(z)),
            observe(shift, Math.abs(recentZ.sum()) / Math.sqrt(SHIFT_POINTS)));
    double pVolatility = observe(volatility, recentAbsZ.sum() / VOLATILITY_POINTS);
    if (!longValues.isFull()) {
      return Math.min(1, 2 * p);
    }
    double spread = Math.max(longValues.quantile(0.75) - longValues.quantile(0.25), 1e-9);
    double pLevel = observe(level, Math.abs(shortValues.median() - longValues.median()) / spread);
    return Math.min(1, 4 * Math.min(p, Math.min(pVolatility, pLevel)));
  }

  /** Records a value once it has been scored. */
  void remember(double value) {
    shortValues.add(value);
    longValues.add(value);
  }

  private static double observe(Tail tail, double x) {
    double p = tail.pValue(x);
    tail.add(x);
    return p;
  }
}
