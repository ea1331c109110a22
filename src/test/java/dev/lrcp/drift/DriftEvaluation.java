package dev.lrcp.drift;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * False warnings on stationary Beta(12, 3) score streams (mean 0.8, SD 0.1), and detection delays
 * for mean drops of 0.05, 0.1 and 0.2 starting after the reference period.
 */
public final class DriftEvaluation {

  static final int STATIONARY_STREAMS = 100;
  static final int STREAM = 10_000;
  static final int DELAY_STREAMS = 200;
  static final int CHANGE = 1_000;
  static final List<Double> DROPS = List.of(0.05, 0.1, 0.2);

  record Delay(double drop, double median, double p90, double missed) {}

  private DriftEvaluation() {}

  public static void main(String[] args) {
    System.out.printf(
        Locale.ROOT, "false warnings per 10,000 stationary scores: %.2f%n", falseWarningsPer10k());
    for (Delay d : delays()) {
      System.out.printf(
          Locale.ROOT,
          "drop %.2f: median delay %.0f, p90 %.0f, missed %.3f%n",
          d.drop(),
          d.median(),
          d.p90(),
          d.missed());
    }
  }

  static double falseWarningsPer10k() {
    long warnings = 0;
    for (int s = 0; s < STATIONARY_STREAMS; s++) {
      warnings +=
          ScoreDriftDetector.scan(new BetaScores(s).stream(STREAM, 0.8, 0.8, STREAM)).size();
    }
    return warnings * 10_000.0 / (STATIONARY_STREAMS * (double) STREAM);
  }

  static List<Delay> delays() {
    return DROPS.stream().map(DriftEvaluation::delay).toList();
  }

  /** Delay to the first downward warning at or after the change; none within 5,000 = missed. */
  static Delay delay(double drop) {
    double[] delays = new double[DELAY_STREAMS];
    int missed = 0;
    for (int s = 0; s < DELAY_STREAMS; s++) {
      double[] scores =
          new BetaScores(1_000_000 + s).stream(CHANGE + 5_000, 0.8, 0.8 - drop, CHANGE);
      delays[s] =
          ScoreDriftDetector.scan(scores).stream()
              .filter(w -> w.index() >= CHANGE && w.direction() == DriftWarning.Direction.DOWN)
              .mapToInt(w -> w.index() - CHANGE)
              .findFirst()
              .orElse(Integer.MAX_VALUE);
      missed += delays[s] == Integer.MAX_VALUE ? 1 : 0;
    }
    Arrays.sort(delays);
    return new Delay(
        drop,
        delays[DELAY_STREAMS / 2],
        delays[DELAY_STREAMS * 9 / 10],
        (double) missed / DELAY_STREAMS);
  }
}
