package dev.lrcp.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two-sided CUSUM (Page) on standardised scores. The reference mean and spread are learnt from the
 * first {@link #REFERENCE} scores, and again after every warning, so the detector adapts to the
 * stream's own level and noise. The allowance {@link #ALLOWANCE} (in reference SDs) tunes it to
 * shifts of about half an SD; the threshold {@link #THRESHOLD} holds false warnings under one per
 * 10,000 stationary scores (docs/insights.md). Standardised scores are clipped to ±{@link #CLIP} so
 * one odd score cannot raise a warning on its own.
 */
final class ScoreDriftDetector {

  static final int REFERENCE = 300;
  static final double ALLOWANCE = 0.25;
  static final double THRESHOLD = 18;
  static final double CLIP = 4;
  private static final double MIN_SD = 0.005;

  private int index = -1;
  private int learnt;
  private double sum;
  private double squares;
  private double mean;
  private double sd;
  private final Side down = new Side();
  private final Side up = new Side();

  /** Scans a whole stream, as the live detector would have seen it. */
  static List<DriftWarning> scan(double[] scores) {
    var detector = new ScoreDriftDetector();
    List<DriftWarning> warnings = new ArrayList<>();
    for (double s : scores) {
      detector.next(s).ifPresent(warnings::add);
    }
    return warnings;
  }

  /** Feeds the next score; a warning when this score tips the CUSUM over its threshold. */
  Optional<DriftWarning> next(double score) {
    index++;
    if (learnt < REFERENCE) {
      learn(score);
      return Optional.empty();
    }
    double z = Math.max(-CLIP, Math.min(CLIP, (score - mean) / sd));
    up.add(z, score, index);
    down.add(-z, score, index);
    Side tipped = up.sum > THRESHOLD ? up : down.sum > THRESHOLD ? down : null;
    if (tipped == null) {
      return Optional.empty();
    }
    var warning =
        new DriftWarning(
            index,
            tipped == up ? DriftWarning.Direction.UP : DriftWarning.Direction.DOWN,
            Math.abs(tipped.scoreSum / tipped.length - mean),
            tipped.start,
            mean);
    relearn();
    return Optional.of(warning);
  }

  private void learn(double score) {
    learnt++;
    sum += score;
    squares += score * score;
    if (learnt == REFERENCE) {
      mean = sum / REFERENCE;
      sd = Math.max(Math.sqrt(Math.max(squares / REFERENCE - mean * mean, 0)), MIN_SD);
    }
  }

  private void relearn() {
    learnt = 0;
    sum = 0;
    squares = 0;
    up.reset();
    down.reset();
  }

  /** One side of the CUSUM, with the scores since it last left zero. */
  private static final class Side {
    private double sum;
    private int start;
    private int length;
    private double scoreSum;

    void add(double z, double score, int index) {
      if (sum == 0) {
        start = index;
        length = 0;
        scoreSum = 0;
      }
      sum = Math.max(0, sum + z - ALLOWANCE);
      length++;
      scoreSum += score;
    }

    void reset() {
      sum = 0;
    }
  }
}
