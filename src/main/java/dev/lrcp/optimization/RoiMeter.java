package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Measures an implemented recommendation over two windows of equal length either side of its
 * implementation (as long as the time since, at most the requested period), on the calls of its
 * endpoint (all calls for a recommendation without one). Pure: the calls come in.
 */
final class RoiMeter {

  /** Fewer calls than this in either window cannot tell a change from noise. */
  static final int MIN_CALLS = 20;

  static final Duration MIN_WINDOW = Duration.ofMinutes(1);
  static final String TOO_SOON = "implemented less than a minute ago: nothing to measure yet";

  private final RandomGenerator random;

  RoiMeter(RandomGenerator random) {
    this.random = random;
  }

  /** The two windows for an implementation at {@code at} seen at {@code now}. */
  static Duration window(Instant at, Instant now, Duration longest) {
    Duration since = Duration.between(at, now);
    return since.compareTo(longest) < 0 ? since : longest;
  }

  Roi measure(Recommendation r, Duration window, List<CallRecord> before, List<CallRecord> after) {
    Instant at = r.implementedAt();
    var b = figures(at.minus(window), at, scoped(r, before));
    var a = figures(at, at.plus(window), scoped(r, after));
    String label = label(window);
    String reason = window.compareTo(MIN_WINDOW) < 0 ? TOO_SOON : reason(b, a);
    if (reason != null) {
      return new Roi(r.id(), at, label, b, a, null, null, null, null, reason);
    }
    var bootstrap = new Bootstrap(random);
    Bootstrap.Distribution diff =
        bootstrap.meanDifference(costs(scoped(r, before)), costs(scoped(r, after)));
    double baseline = b.costPerRequestUsd().usd();
    // scaled like the estimates: a window under an hour counts as an hour, so they compare
    long span = Math.max(window.toMillis(), Recommender.MIN_SPAN.toMillis());
    double perMonth = a.requests() * (Recommender.MONTH.toMillis() / (double) span);
    Bootstrap.Distribution monthly = diff.scaled(-perMonth);
    return new Roi(
        r.id(),
        at,
        label,
        b,
        a,
        new Estimate(diff.point(), diff.low(), diff.high()),
        baseline > 0 ? 100 * diff.point() / baseline : null,
        new Estimate(monthly.point(), monthly.low(), monthly.high()),
        1 - diff.shareAtLeast(0),
        baseline > 0 ? null : "the baseline cost per request is zero: no percentage change");
  }

  private static String reason(Roi.WindowFigures before, Roi.WindowFigures after) {
    if (before.requests() == 0) {
      return "no calls in the baseline window: nothing to compare against";
    }
    if (before.requests() < MIN_CALLS || after.requests() < MIN_CALLS) {
      return String.format(
          Locale.ROOT,
          "too little traffic to tell: %d calls before and %d after; at least %d in each are"
              + " needed",
          before.requests(),
          after.requests(),
          MIN_CALLS);
    }
    return null;
  }

  Roi.WindowFigures figures(Instant from, Instant to, List<CallRecord> calls) {
    double[] costs = costs(calls);
    Bootstrap.Distribution mean = new Bootstrap(random).mean(costs);
    double[] quality =
        calls.stream().filter(CallRecord::scored).mapToDouble(c -> c.quality().value()).toArray();
    int[] latency = calls.stream().mapToInt(c -> (int) c.numbers().latencyMs()).toArray();
    return new Roi.WindowFigures(
        from,
        to,
        calls.size(),
        mean == null ? null : new Estimate(mean.point(), mean.low(), mean.high()),
        java.util.Arrays.stream(costs).sum(),
        quality.length == 0 ? null : java.util.Arrays.stream(quality).average().orElseThrow(),
        calls.isEmpty() ? null : (double) EndpointCalls.percentile(latency, 0.95),
        calls.isEmpty()
            ? null
            : calls.stream().filter(CallRecord::failed).count() / (double) calls.size());
  }

  static List<CallRecord> scoped(Recommendation r, List<CallRecord> calls) {
    return calls.stream()
        .filter(CallRecord::called)
        .filter(c -> r.endpoint() == null || r.endpoint().equals(c.endpoint()))
        .toList();
  }

  private static double[] costs(List<CallRecord> calls) {
    return calls.stream().mapToDouble(c -> c.numbers().costUsd()).toArray();
  }

  static String label(Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
