package dev.lrcp.anomaly;

import java.util.Arrays;

/**
 * The last {@code capacity} values in arrival order and in sorted order, so medians and quantiles
 * of a sliding window cost a binary search and one array copy per point (linear in the window,
 * independent of the series length).
 */
final class RollingWindow {

  private final double[] arrival;
  private final double[] sorted;
  private int size;
  private int next;

  RollingWindow(int capacity) {
    this.arrival = new double[capacity];
    this.sorted = new double[capacity];
  }

  void add(double value) {
    if (size == arrival.length) {
      remove(arrival[next]);
    }
    arrival[next] = value;
    next = (next + 1) % arrival.length;
    int at = Arrays.binarySearch(sorted, 0, size, value);
    at = at < 0 ? -at - 1 : at;
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = value;
    size++;
  }

  private void remove(double value) {
    int at = Arrays.binarySearch(sorted, 0, size, value);
    System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
    size--;
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size == arrival.length;
  }

  /** Linear interpolation between order statistics; {@code q} in [0, 1]. */
  double quantile(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    double pos = q * (size - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, size - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  double median() {
    return quantile(0.5);
  }

  /** Share of the window strictly below {@code value}. */
  double rankOf(double value) {
    if (size == 0) {
      return 0.5;
    }
    int at = Arrays.binarySearch(sorted, 0, size, value);
    int below = at < 0 ? -at - 1 : lowerBound(value);
    return (double) below / size;
  }

  private int lowerBound(double value) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Mean of the values above {@code threshold} ({@code threshold} itself when there are none). */
  double meanAbove(double threshold) {
    double sum = 0;
    int count = 0;
    for (int i = size - 1; i >= 0 && sorted[i] > threshold; i--) {
      sum += sorted[i];
      count++;
    }
    return count == 0 ? threshold : sum / count;
  }

  /** Mean of ln(x / threshold) over the values above {@code threshold > 0} (Hill's estimator). */
  double meanLogAbove(double threshold) {
    double sum = 0;
    int count = 0;
    for (int i = size - 1; i >= 0 && sorted[i] > threshold; i--) {
      sum += Math.log(sorted[i] / threshold);
      count++;
    }
    return count == 0 ? 0 : sum / count;
  }
}
