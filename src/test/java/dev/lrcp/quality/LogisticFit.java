package dev.lrcp.quality;

/**
 * A small dense logistic regression (batch gradient descent, L2) for the grounding weights. Weights
 * are kept non-negative: every feature is evidence of support, so a negative weight could only be a
 * quirk of the development data.
 */
final class LogisticFit {

  private LogisticFit() {}

  static GroundingWeights fit(double[][] x, boolean[] grounded, double l2) {
    int d = x[0].length;
    double[] w = new double[d];
    double b = 0;
    double rate = 0.5;
    for (int epoch = 0; epoch < 3000; epoch++) {
      double[] gw = new double[d];
      double gb = 0;
      for (int i = 0; i < x.length; i++) {
        double z = b;
        for (int k = 0; k < d; k++) {
          z += w[k] * x[i][k];
        }
        double err = 1 / (1 + Math.exp(-z)) - (grounded[i] ? 1 : 0);
        gb += err;
        for (int k = 0; k < d; k++) {
          gw[k] += err * x[i][k];
        }
      }
      b -= rate * gb / x.length;
      for (int k = 0; k < d; k++) {
        w[k] = Math.max(0, w[k] - rate * (gw[k] / x.length + l2 * w[k]));
      }
    }
    return new GroundingWeights(b, w);
  }
}
