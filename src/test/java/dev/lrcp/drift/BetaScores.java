package dev.lrcp.drift;

import java.util.SplittableRandom;

/**
 * Quality-score streams like a grounding score: Beta-distributed with a given mean and SD 0.1
 * (Beta(12, 3) at mean 0.8), drawn as X / (X + Y) from two gamma variates (Marsaglia-Tsang).
 */
final class BetaScores {

  static final double SD = 0.1;

  private final SplittableRandom random;

  BetaScores(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * {@code n} scores with mean {@code before}, then mean {@code after} from index {@code change}.
   */
  double[] stream(int n, double before, double after, int change) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = next(i < change ? before : after);
    }
    return out;
  }

  double next(double mean) {
    double total = mean * (1 - mean) / (SD * SD) - 1;
    double x = gamma(mean * total);
    return x / (x + gamma((1 - mean) * total));
  }

  private double gamma(double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = gaussian();
      double v = Math.pow(1 + c * z, 3);
      if (v > 0 && Math.log(random.nextDouble()) < z * z / 2 + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private double gaussian() {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
