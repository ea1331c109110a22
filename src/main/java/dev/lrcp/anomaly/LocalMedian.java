package dev.lrcp.anomaly;

/** Expects the median of the last values: no seasonality, robust to isolated spikes. */
final class LocalMedian extends Predictor {

  private final RollingWindow values;

  LocalMedian(int window, int scaleWindow) {
    super(scaleWindow);
    this.values = new RollingWindow(window);
  }

  @Override
  double expect(long t) {
    return values.size() >= 4 ? values.median() : Double.NaN;
  }

  @Override
  void learn(long t, double value) {
    values.add(value);
  }
}
