package dev.lrcp.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrcp.anomaly.NabScorer.Profile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NabScorerTests {

  static NabCorpus corpus() {
    int n = 1000;
    String[] ts = new String[n];
    long[] epoch = new long[n];
    for (int i = 0; i < n; i++) {
      epoch[i] = 1_400_000_000L + 300L * i;
      ts[i] = String.valueOf(epoch[i]);
    }
    var file = new NabCorpus.File("a.csv", ts, epoch, new double[n], List.of(new int[] {400, 499}));
    return new NabCorpus(Map.of("a.csv", file));
  }

  @Test
  void aDetectorThatFiresAtEachWindowStartScoresAHundred() {
    double[] s = new double[1000];
    s[400] = 1;

    assertThat(NabScorer.normalised(corpus(), Map.of("a.csv", s)).get(Profile.STANDARD))
        .isCloseTo(100.0, within(1e-9));
  }

  @Test
  void aConstantDetectorScoresZeroAndLateDetectionsScoreLess() {
    double[] constant = new double[1000];
    Arrays.fill(constant, 0.5);
    double[] late = new double[1000];
    late[480] = 1;
    late[700] = 1;

    assertThat(NabScorer.normalised(corpus(), Map.of("a.csv", constant)).get(Profile.STANDARD))
        .isCloseTo(0.0, within(1e-9));
    assertThat(NabScorer.normalised(corpus(), Map.of("a.csv", late)).get(Profile.STANDARD))
        .isCloseTo(67.92, within(0.01));
  }
}
