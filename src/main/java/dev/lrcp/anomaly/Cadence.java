package dev.lrcp.anomaly;

import java.util.Arrays;

/**
 * The sampling interval of a series, learned from its first gaps (median, robust to a missing
 * point).
 */
final class Cadence {

  private static final int LEARN = 16;
  private final long[] gaps = new long[LEARN];
  private int seen;
  private long previous = Long.MIN_VALUE;
  private long interval;

  void observe(long epochSecond) {
    if (previous != Long.MIN_VALUE && seen < LEARN && epochSecond > previous) {
      gaps[seen++] = epochSecond - previous;
      if (seen == LEARN) {
        long[] copy = gaps.clone();
        Arrays.sort(copy);
        interval = copy[LEARN / 2];
      }
    }
    previous = epochSecond;
  }

  /** Seconds between points, or 0 while still learning. */
  long interval() {
    return interval;
  }
}
