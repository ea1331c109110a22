package dev.lrcp.drift;

/**
 * The reference sample of {@link EmbeddingShiftDetector}: its mean, tr Σ and an unbiased estimate
 * of tr Σ² (from the Gram matrix, so the cost is n² · d rather than d²), computed once it is full.
 */
final class ReferenceStats {

  private final float[][] vectors;
  private int count;
  private double[] mean;
  private double trace;
  private double traceOfSquare;

  ReferenceStats(int size) {
    this.vectors = new float[size][];
  }

  boolean isComplete() {
    return count == vectors.length;
  }

  void add(float[] v) {
    vectors[count++] = v;
    if (isComplete()) {
      summarise();
    }
  }

  void clear() {
    count = 0;
  }

  /** Wilson–Hilferty z of ‖window mean − reference mean‖² under the scaled-χ² null. */
  double zOfShift(double[] windowSum, int windowSize) {
    double distance = 0;
    for (int i = 0; i < mean.length; i++) {
      double d = windowSum[i] / windowSize - mean[i];
      distance += d * d;
    }
    double c = 1.0 / count + 1.0 / windowSize;
    double tr2 = Math.max(traceOfSquare, trace * trace / mean.length);
    double dof = trace * trace / tr2;
    double scale = c * tr2 / trace;
    double x = distance / scale / dof;
    double v = 2 / (9 * dof);
    return (Math.cbrt(x) - (1 - v)) / Math.sqrt(v);
  }

  double cosineDistanceTo(double[] windowSum) {
    double dot = 0;
    double a = 0;
    double b = 0;
    for (int i = 0; i < mean.length; i++) {
      dot += mean[i] * windowSum[i];
      a += mean[i] * mean[i];
      b += windowSum[i] * windowSum[i];
    }
    return a == 0 || b == 0 ? 0 : 1 - dot / Math.sqrt(a * b);
  }

  private void summarise() {
    int n = count;
    mean = new double[vectors[0].length];
    for (float[] v : vectors) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += v[i] / (double) n;
      }
    }
    double[] gram = gramTraceAndSquares(centred());
    trace = gram[0] / (n - 1);
    double sampleTr2 = gram[1] / ((double) (n - 1) * (n - 1));
    traceOfSquare =
        (double) (n - 1)
            * (n - 1)
            / ((double) (n - 2) * (n + 1))
            * (sampleTr2 - trace * trace / (n - 1));
  }

  private double[][] centred() {
    double[][] out = new double[count][mean.length];
    for (int j = 0; j < count; j++) {
      for (int i = 0; i < mean.length; i++) {
        out[j][i] = vectors[j][i] - mean[i];
      }
    }
    return out;
  }

  /** tr(G) and ‖G‖²_F of the Gram matrix G = X Xᵀ of the centred sample (= (n−1)·tr S, ...). */
  private static double[] gramTraceAndSquares(double[][] x) {
    double traceSum = 0;
    double squares = 0;
    for (int j = 0; j < x.length; j++) {
      for (int k = j; k < x.length; k++) {
        double g = 0;
        for (int i = 0; i < x[j].length; i++) {
          g += x[j][i] * x[k][i];
        }
        squares += (j == k ? 1 : 2) * g * g;
        traceSum += j == k ? g : 0;
      }
    }
    return new double[] {traceSum, squares};
  }
}
