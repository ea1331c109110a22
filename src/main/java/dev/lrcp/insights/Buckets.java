package dev.lrcp.insights;

import dev.lrcp.flow.CallRecord;
import java.util.ArrayList;
import java.util.List;

/** One scope's calls in fixed-length buckets from {@code start} (epoch seconds) to {@code end}. */
final class Buckets {

  /** A series: the start of each bucket that has a value, and the value. */
  record Points(long[] times, double[] values) {

    int size() {
      return times.length;
    }
  }

  private final List<List<CallRecord>> buckets;
  private final long start;
  private final long end;
  private final long seconds;

  private Buckets(List<List<CallRecord>> buckets, long start, long end, long seconds) {
    this.buckets = buckets;
    this.start = start;
    this.end = end;
    this.seconds = seconds;
  }

  /** The calls (in time order, all in [start, end)) by bucket. */
  static Buckets of(List<CallRecord> calls, long start, long end, long seconds) {
    int n = (int) ((end - start) / seconds);
    var buckets = new ArrayList<List<CallRecord>>(n);
    for (int i = 0; i < n; i++) {
      buckets.add(new ArrayList<>());
    }
    for (CallRecord c : calls) {
      long i = (c.at().getEpochSecond() - start) / seconds;
      if (i >= 0 && i < n) {
        buckets.get((int) i).add(c);
      }
    }
    return new Buckets(buckets, start, end, seconds);
  }

  long end() {
    return end;
  }

  /**
   * The measure of every bucket that has a value, from the first bucket with calls: the buckets
   * before it predate the traffic (or this replica), not a drop to zero.
   */
  Points series(LiveMeasure m) {
    int first = 0;
    while (first < buckets.size() && buckets.get(first).isEmpty()) {
      first++;
    }
    var times = new long[buckets.size() - first];
    var values = new double[times.length];
    int n = 0;
    for (int i = first; i < buckets.size(); i++) {
      Double v = m.of(buckets.get(i));
      if (v != null) {
        times[n] = start + i * seconds;
        values[n++] = v;
      }
    }
    return new Points(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n));
  }

  /** The calls of the buckets in [from, to), epoch seconds on bucket starts. */
  List<CallRecord> calls(long from, long to) {
    var out = new ArrayList<CallRecord>();
    for (long t = from; t < to; t += seconds) {
      out.addAll(buckets.get((int) ((t - start) / seconds)));
    }
    return out;
  }
}
