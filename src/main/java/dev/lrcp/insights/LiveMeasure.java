package dev.lrcp.insights;

import dev.lrcp.anomaly.Measure;
import dev.lrcp.flow.CallRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A series the live anomaly detector watches on every scope, one value per bucket of calls, with
 * the measure attribution explains a shift of it by.
 */
enum LiveMeasure {
  REQUESTS("requests per bucket", "requests", Measure.REQUESTS),
  P95_LATENCY("p95 latency", "ms", Measure.LATENCY),
  ERROR_RATE("error rate", "ratio", Measure.ERROR_RATE),
  COST_PER_REQUEST("cost per request", "usd", Measure.COST),
  TOKENS_PER_REQUEST("tokens per request", "tokens", Measure.TOKENS),
  GROUNDING("mean grounding score", "score", Measure.UNGROUNDED);

  private final String noun;
  private final String unit;
  private final Measure attributed;

  LiveMeasure(String noun, String unit, Measure attributed) {
    this.noun = noun;
    this.unit = unit;
    this.attributed = attributed;
  }

  String noun() {
    return noun;
  }

  String unit() {
    return unit;
  }

  Measure attributed() {
    return attributed;
  }

  /** The bucket's value; null when it has none (no calls, or no grounded call). */
  Double of(List<CallRecord> calls) {
    if (this == REQUESTS) {
      return (double) calls.size();
    }
    if (calls.isEmpty()) {
      return null;
    }
    return switch (this) {
      case P95_LATENCY ->
          quantile(calls.stream().mapToDouble(c -> c.numbers().latencyMs()).toArray(), 0.95);
      case ERROR_RATE -> calls.stream().filter(CallRecord::failed).count() / (double) calls.size();
      case COST_PER_REQUEST ->
          calls.stream().mapToDouble(c -> c.numbers().costUsd()).average().orElseThrow();
      case TOKENS_PER_REQUEST ->
          calls.stream().mapToDouble(c -> c.numbers().totalTokens()).average().orElseThrow();
      case GROUNDING -> {
        var scores =
            calls.stream().map(CallRecord::groundingScore).filter(Objects::nonNull).toList();
        yield scores.isEmpty()
            ? null
            : scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      }
      case REQUESTS -> throw new IllegalStateException("handled above");
    };
  }

  /** The value as a story writes it: "1,210 ms", "4.2 %", "$0.00031", "0.71". */
  String format(double v) {
    return switch (this) {
      case REQUESTS -> String.format(Locale.US, "%,.0f requests", v);
      case P95_LATENCY -> String.format(Locale.US, "%,.0f ms", v);
      case ERROR_RATE -> String.format(Locale.US, "%.1f %%", 100 * v);
      case COST_PER_REQUEST -> String.format(Locale.US, "$%.5f", v);
      case TOKENS_PER_REQUEST -> String.format(Locale.US, "%,.0f tokens", v);
      case GROUNDING -> String.format(Locale.US, "%.2f", v);
    };
  }

  /** Nearest-rank quantile (q in 0..1) of a non-empty sample. */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
  }
}
