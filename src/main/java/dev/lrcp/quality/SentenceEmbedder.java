package dev.lrcp.quality;

import java.util.List;

/**
 * Unit-length sentence vectors; the production one is MiniLM, loaded in the background at start-up
 * (the response cache's semantic matches use it too).
 */
@FunctionalInterface
public interface SentenceEmbedder {

  /**
   * @throws RuntimeException when the model is not available (still loading, failed, or disabled)
   */
  float[][] vectors(List<String> texts);

  /** The cosine similarity of two unit-length vectors. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
