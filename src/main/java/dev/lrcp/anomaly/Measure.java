package dev.lrcp.anomaly;

import dev.lrcp.flow.CallRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What is attributed: a ratio numerator/denominator summed over calls (mean latency = Σ latency / Σ
 * 1), or an additive sum when {@code denominator} is null.
 *
 * @param metric the metric name in the telemetry catalog this measure corresponds to
 * @param noun how the summary names it ("latency", "error rate")
 * @param dimensions the dimensions worth slicing this measure by
 */
public record Measure(
    String metric,
    String noun,
    ToDoubleFunction<CallRecord> numerator,
    ToDoubleFunction<CallRecord> denominator,
    List<Dimension> dimensions) {

  private static final List<Dimension> ALL = List.of(Dimension.values());
  private static final List<Dimension> NO_ERROR_TYPE =
      ALL.stream().filter(d -> d != Dimension.ERROR_TYPE).toList();

  public static final Measure REQUESTS =
      new Measure("llm.request.count", "requests", r -> 1, null, ALL);
  public static final Measure LATENCY =
      ratio("llm.request.latency_ms", "latency", r -> r.numbers().latencyMs(), ALL);
  public static final Measure ERROR_RATE =
      ratio("llm.error.count", "error rate", r -> r.failed() ? 1 : 0, NO_ERROR_TYPE);
  public static final Measure RETRIES =
      ratio("llm.retry_count", "retries per request", r -> r.numbers().retryCount(), ALL);
  public static final Measure COST =
      ratio("llm.cost.usd", "cost per request", r -> r.numbers().costUsd(), NO_ERROR_TYPE);
  public static final Measure TOKENS =
      ratio("llm.tokens.total", "tokens per request", r -> r.numbers().totalTokens(), ALL);
  public static final Measure UNGROUNDED =
      new Measure(
          "llm.grounding_score",
          "ungrounded score",
          r -> r.groundingScore() == null ? 0 : 1 - r.groundingScore(),
          r -> r.groundingScore() == null ? 0 : 1,
          NO_ERROR_TYPE);
  public static final Measure IRRELEVANT =
      new Measure(
          "llm.semantic_similarity_score",
          "irrelevance score",
          r -> relevance(r) == null ? 0 : 1 - relevance(r),
          r -> relevance(r) == null ? 0 : 1,
          NO_ERROR_TYPE);
  public static final Measure INJECTION =
      ratio(
          "llm.security.prompt_injection_risk",
          "injection rate",
          r -> r.injectionFlagged() ? 1 : 0,
          NO_ERROR_TYPE);
  public static final Measure TOKEN_ABUSE =
      ratio(
          "llm.security.token_abuse",
          "token-abuse rate",
          r -> r.tokenAbuse() ? 1 : 0,
          NO_ERROR_TYPE);

  private static final List<Measure> KNOWN =
      List.of(
          REQUESTS,
          LATENCY,
          ERROR_RATE,
          RETRIES,
          COST,
          TOKENS,
          UNGROUNDED,
          IRRELEVANT,
          INJECTION,
          TOKEN_ABUSE);

  private static Double relevance(CallRecord r) {
    return r.scored() ? r.quality().semanticSimilarity() : null;
  }

  private static Measure ratio(
      String metric, String noun, ToDoubleFunction<CallRecord> per, List<Dimension> dims) {
    return new Measure(metric, noun, per, r -> 1, dims);
  }

  public boolean additive() {
    return denominator == null;
  }

  /** Names accepted by the API: the catalog metric, or the noun ("latency", "error_rate"). */
  public static List<String> names() {
    return KNOWN.stream().map(Measure::metric).toList();
  }

  public static Optional<Measure> byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return KNOWN.stream()
        .filter(m -> m.metric().equals(wanted) || m.noun().replace(' ', '_').equals(wanted))
        .findFirst();
  }
}
