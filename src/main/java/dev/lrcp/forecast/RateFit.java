package dev.lrcp.forecast;

/**
 * Chooses Holt-Winters rates by a grid search on the mean absolute error of forecasts up to the
 * asked horizon (at most one season), absolute so a few bursts do not dominate the fit. The grid is
 * coarse on purpose: finer rates change forecasts less than the noise of hourly business series.
 */
final class RateFit {

  private static final double[] LEVEL = {0.02, 0.05, 0.1, 0.2, 0.4};
  private static final double[] SEASON = {0.02, 0.05, 0.1, 0.2, 0.4};
  private static final double[] WEEK = {0.02, 0.05, 0.1, 0.2};
  private static final Smoothing[] TRENDS = {
    new Smoothing(0, 0, 1, 0, 0), new Smoothing(0, 0.02, 0.9, 0, 0)
  };

  private RateFit() {}

  static Smoothing fit(HoltWinters model, double[] y, int season, boolean weekly, int horizon) {
    int h = Math.max(1, Math.min(horizon, season));
    int stride = Math.max(1, season / 4);
    Smoothing best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (double alpha : LEVEL) {
      for (double gamma : SEASON) {
        for (double delta : weekly ? WEEK : new double[] {0}) {
          for (Smoothing trend : TRENDS) {
            var rates = new Smoothing(alpha, trend.beta(), trend.phi(), gamma, delta);
            double e = model.error(y, h, stride, rates);
            if (e < bestError) {
              bestError = e;
              best = rates;
            }
          }
        }
      }
    }
    return best;
  }
}
