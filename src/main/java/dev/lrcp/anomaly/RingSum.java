package dev.lrcp.anomaly;

/** The running sum of the last {@code size} values. */
final class RingSum {

  private final double[] values;
  private double sum;
  private long count;

  RingSum(int size) {
    this.values = new double[size];
  }

  void add(double value) {
    int slot = (int) (count++ % values.length);
    sum += value - values[slot];
    values[slot] = value;
  }

  double sum() {
    return sum;
  }
}
