package dev.lrcp.health;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRecord.Outcome;
import dev.lrcp.llm.LlmFailure;
import java.time.Duration;
import java.util.List;

/**
 * Statistics of one scope over one window. Rates are fractions 0..1 of the calls that reached a
 * model (or, for the security rates, of the scanned calls, refused ones included) in the window;
 * latency percentiles are nearest-rank. Nullable fields are null when the window holds no data for
 * them.
 *
 * @param slowRate share of calls slower than the latency objective ({@code
 *     lrcp.health.latency-slo-ms})
 * @param qualityStdDev sample standard deviation of the scores; needs two scores
 */
public record WindowStats(
    String window,
    int requests,
    double requestRatePerS,
    Double p50LatencyMs,
    Double p95LatencyMs,
    Double p99LatencyMs,
    Double p95TimeToFirstTokenMs,
    Double slowRate,
    double errorRate,
    double timeoutRate,
    double retryRate,
    double fallbackRate,
    double safetyBlockRate,
    double costPerRequestUsd,
    double totalCostUsd,
    long inputTokens,
    long outputTokens,
    double tokenEfficiency,
    Double meanQuality,
    Double qualityStdDev,
    Double ungroundedRate,
    int scoredAnswers,
    double injectionRate,
    double tokenAbuseRate,
    int scannedRequests) {

  /**
   * @param held the part of the window whose calls are all still held (the whole window unless the
   *     recent-call log has dropped calls from its start): the request rate is taken over it
   */
  static WindowStats of(Duration window, Duration held, double sloMs, List<CallRecord> records) {
    List<CallRecord> calls = records.stream().filter(CallRecord::called).toList();
    List<CallRecord> scans = records.stream().filter(r -> r.security() != null).toList();
    List<CallRecord.Quality> scores =
        records.stream().filter(CallRecord::scored).map(CallRecord::quality).toList();
    int n = calls.size();
    long[] latencies = calls.stream().mapToLong(c -> c.numbers().latencyMs()).sorted().toArray();
    long[] ttfts = calls.stream().mapToLong(c -> c.numbers().ttftMs()).sorted().toArray();
    double cost = calls.stream().mapToDouble(c -> c.numbers().costUsd()).sum();
    long in = calls.stream().mapToLong(c -> c.numbers().inputTokens()).sum();
    long out = calls.stream().mapToLong(c -> c.numbers().billableOutputTokens()).sum();
    return new WindowStats(
        format(window),
        n,
        n / Math.max(1.0, held.toMillis() / 1000.0),
        percentile(latencies, 0.50),
        percentile(latencies, 0.95),
        percentile(latencies, 0.99),
        percentile(ttfts, 0.95),
        n == 0
            ? null
            : fraction(calls.stream().filter(c -> c.numbers().latencyMs() > sloMs).count(), n),
        fraction(calls.stream().filter(CallRecord::failed).count(), n),
        fraction(calls.stream().filter(c -> c.failure() == LlmFailure.TIMEOUT).count(), n),
        fraction(calls.stream().filter(c -> c.numbers().retryCount() > 0).count(), n),
        fraction(calls.stream().filter(c -> c.numbers().fallbackUsed()).count(), n),
        fraction(calls.stream().filter(c -> c.outcome() == Outcome.SAFETY_BLOCK).count(), n),
        n == 0 ? 0 : cost / n,
        cost,
        in,
        out,
        in == 0 ? 0 : out / (double) in,
        scores.isEmpty()
            ? null
            : scores.stream().mapToDouble(CallRecord.Quality::value).average().orElseThrow(),
        standardDeviation(scores),
        ungroundedRate(scores),
        scores.size(),
        fraction(scans.stream().filter(CallRecord::injectionFlagged).count(), scans.size()),
        fraction(scans.stream().filter(CallRecord::tokenAbuse).count(), scans.size()),
        scans.size());
  }

  /** Sample standard deviation of the scores (n − 1), or null under two scores. */
  private static Double standardDeviation(List<CallRecord.Quality> scores) {
    if (scores.size() < 2) {
      return null;
    }
    double mean = scores.stream().mapToDouble(CallRecord.Quality::value).average().orElseThrow();
    double squares =
        scores.stream().mapToDouble(q -> (q.value() - mean) * (q.value() - mean)).sum();
    return Math.sqrt(squares / (scores.size() - 1));
  }

  private static Double ungroundedRate(List<CallRecord.Quality> scores) {
    var grounded = scores.stream().filter(CallRecord.Quality::hasDocument).toList();
    return grounded.isEmpty()
        ? null
        : fraction(
            grounded.stream().filter(q -> Boolean.TRUE.equals(q.ungrounded())).count(),
            grounded.size());
  }

  static Double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return (double) sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  private static double fraction(long part, int whole) {
    return whole == 0 ? 0 : part / (double) whole;
  }

  private static String format(Duration window) {
    long s = window.toSeconds();
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
