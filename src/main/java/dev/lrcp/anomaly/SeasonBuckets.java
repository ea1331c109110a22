package dev.lrcp.anomaly;

/**
 * The clock-time buckets of a season (epoch seconds modulo the period, one bucket per interval).
 */
record SeasonBuckets(long period, long width) {

  int count() {
    return (int) Math.ceil((double) period / width);
  }

  int of(long epochSecond) {
    return (int) (Math.floorMod(epochSecond, period) / width) % count();
  }

  /** A seasonal predictor speaks once it has seen nine in ten of its buckets. */
  boolean mostlyFilled(int filled) {
    return filled >= count() * 0.9;
  }
}
