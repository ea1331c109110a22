package dev.lrcp.health;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.quality.AnswerScored;
import dev.lrcp.security.PromptScanned;
import java.time.Duration;
import java.util.List;

/**
 * Statistics of one scope over one window. Rates are fractions 0..1 of the calls (or scans) in the
 * window; latency percentiles are nearest-rank. Nullable fields are null when the window holds no
 * data for them.
 */
public record WindowStats(
    String window,
    int requests,
    double requestRatePerS,
    Double p50LatencyMs,
    Double p95LatencyMs,
    Double p99LatencyMs,
    Double p95TimeToFirstTokenMs,
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
    Double ungroundedRate,
    int scoredAnswers,
    double injectionRate,
    double tokenAbuseRate,
    int scannedRequests) {

  /**
   * @param held the part of the window whose calls are all still held (the whole window unless the
   *     recent-call log has dropped calls from its start): the request rate is taken over it
   */
  static WindowStats of(
      Duration window,
      Duration held,
      List<LlmCallCompleted> calls,
      List<PromptScanned> scans,
      List<AnswerScored> scores) {
    int n = calls.size();
    long[] latencies = calls.stream().mapToLong(LlmCallCompleted::latencyMs).sorted().toArray();
    long[] ttfts =
        calls.stream().mapToLong(LlmCallCompleted::timeToFirstTokenMs).sorted().toArray();
    double cost = calls.stream().mapToDouble(LlmCallCompleted::costUsd).sum();
    long in = calls.stream().mapToLong(c -> c.usage().input()).sum();
    long out = calls.stream().mapToLong(c -> c.usage().billableOutput()).sum();
    return new WindowStats(
        format(window),
        n,
        n / Math.max(1.0, held.toMillis() / 1000.0),
        percentile(latencies, 0.50),
        percentile(latencies, 0.95),
        percentile(latencies, 0.99),
        percentile(ttfts, 0.95),
        fraction(calls.stream().filter(LlmCallCompleted::failed).count(), n),
        fraction(calls.stream().filter(c -> c.failure() == LlmFailure.TIMEOUT).count(), n),
        fraction(calls.stream().filter(c -> c.retryCount() > 0).count(), n),
        fraction(calls.stream().filter(LlmCallCompleted::fallbackUsed).count(), n),
        fraction(
            calls.stream()
                .filter(c -> c.outcome() == LlmCallCompleted.Outcome.SAFETY_BLOCK)
                .count(),
            n),
        n == 0 ? 0 : cost / n,
        cost,
        in,
        out,
        in == 0 ? 0 : out / (double) in,
        scores.isEmpty()
            ? null
            : scores.stream().mapToDouble(WindowStats::quality).average().orElseThrow(),
        ungroundedRate(scores),
        scores.size(),
        fraction(scans.stream().filter(PromptScanned::injectionFlag).count(), scans.size()),
        fraction(scans.stream().filter(PromptScanned::tokenAbuse).count(), scans.size()),
        scans.size());
  }

  /** Grounding when there was a document, else answer relevance. */
  static double quality(AnswerScored s) {
    return s.groundingScore() != null ? s.groundingScore() : s.semanticSimilarity();
  }

  private static Double ungroundedRate(List<AnswerScored> scores) {
    var grounded = scores.stream().filter(AnswerScored::hasDocument).toList();
    return grounded.isEmpty()
        ? null
        : fraction(grounded.stream().filter(AnswerScored::ungrounded).count(), grounded.size());
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
