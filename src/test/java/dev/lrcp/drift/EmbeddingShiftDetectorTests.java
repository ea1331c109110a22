package dev.lrcp.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmbeddingShiftDetectorTests {

  static final int DIM = 384;

  /** Prompts around a handful of topic directions, as sentence embeddings cluster by topic. */
  static final class Prompts {
    private final SplittableRandom random;
    private final float[][] topics;

    Prompts(long seed, int topicCount) {
      random = new SplittableRandom(seed);
      topics = new float[topicCount][];
      for (int k = 0; k < topicCount; k++) {
        topics[k] = noise(1.0);
      }
    }

    float[] about(int topic) {
      float[] v = noise(0.08);
      for (int i = 0; i < DIM; i++) {
        v[i] += topics[topic][i] / (float) Math.sqrt(DIM);
      }
      return v;
    }

    private float[] noise(double sd) {
      float[] v = new float[DIM];
      for (int i = 0; i < DIM; i++) {
        v[i] =
            (float)
                (sd
                    * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                    * Math.cos(2 * Math.PI * random.nextDouble()));
      }
      return v;
    }

    int nextInt(int bound) {
      return random.nextInt(bound);
    }
  }

  static List<EmbeddingShiftDetector.Shift> feed(Prompts p, int n, int change, int newTopic) {
    var detector = EmbeddingShiftDetector.standard();
    List<EmbeddingShiftDetector.Shift> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean shifted = i >= change && p.nextInt(10) < 4;
      detector.next(p.about(shifted ? newTopic : p.nextInt(6))).ifPresent(out::add);
    }
    return out;
  }

  @Test
  void aStableMixOfTopicsRaisesNothing() {
    assertThat(feed(new Prompts(1, 7), 6_000, Integer.MAX_VALUE, 6)).isEmpty();
  }

  @Test
  void aNewTopicTakingFortyPercentOfPromptsIsFoundWithinAWindow() {
    List<EmbeddingShiftDetector.Shift> shifts = feed(new Prompts(2, 7), 3_000, 1_500, 6);

    assertThat(shifts).isNotEmpty();
    assertThat(shifts.get(0).index()).isBetween(1_500, 1_600);
    assertThat(shifts.get(0).cosineDistance()).isPositive();
  }
}
