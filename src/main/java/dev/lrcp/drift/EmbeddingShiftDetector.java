package dev.lrcp.drift;

import java.util.Optional;

/**
 * Detects a shift in what users ask from their prompt embeddings (e.g. 384-dim MiniLM vectors). The
 * first {@code reference} vectors (unit-normalised) fix a reference mean and covariance; each later
 * vector enters a sliding window of {@code window}, and the squared distance between the window's
 * mean and the reference mean is tested against its null distribution: under no shift it is about
 * {@code c·Σλᵢχ²₁} with {@code c = 1/reference + 1/window}, approximated by a scaled χ²
 * (Welch–Satterthwaite) from tr Σ and tr Σ² (the latter estimated without its high-dimensional
 * bias, as in Chen and Qin). A warning is raised when the Wilson–Hilferty z of that χ² exceeds
 * {@code zThreshold}; the detector then learns a new reference from the vectors that follow.
 */
final class EmbeddingShiftDetector {

  private final int referenceSize;
  private final int windowSize;
  private final double zThreshold;
  private final ReferenceStats reference;
  private final float[][] window;
  private double[] windowSum;
  private int seen;
  private int index = -1;

  /** A shift found at {@code index}: z of the test and cosine distance of the two means. */
  record Shift(int index, double z, double cosineDistance) {}

  EmbeddingShiftDetector(int referenceSize, int windowSize, double zThreshold) {
    this.referenceSize = referenceSize;
    this.windowSize = windowSize;
    this.zThreshold = zThreshold;
    this.reference = new ReferenceStats(referenceSize);
    this.window = new float[windowSize][];
  }

  /** Defaults for prompt traffic: 500 prompts of reference, windows of 100, z above 6. */
  static EmbeddingShiftDetector standard() {
    return new EmbeddingShiftDetector(500, 100, 6);
  }

  Optional<Shift> next(float[] embedding) {
    index++;
    float[] v = unit(embedding);
    if (!reference.isComplete()) {
      reference.add(v);
      return Optional.empty();
    }
    if (windowSum == null) {
      windowSum = new double[v.length];
    }
    int slot = seen % windowSize;
    if (seen >= windowSize) {
      add(windowSum, window[slot], -1);
    }
    window[slot] = v;
    add(windowSum, v, 1);
    seen++;
    if (seen < windowSize) {
      return Optional.empty();
    }
    double z = reference.zOfShift(windowSum, windowSize);
    if (z <= zThreshold) {
      return Optional.empty();
    }
    var shift = new Shift(index, z, reference.cosineDistanceTo(windowSum));
    reference.clear();
    windowSum = null;
    seen = 0;
    return Optional.of(shift);
  }

  private static void add(double[] sum, float[] v, int sign) {
    for (int i = 0; i < v.length; i++) {
      sum[i] += sign * v[i];
    }
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return out;
  }

  int referenceSize() {
    return referenceSize;
  }
}
