package dev.lrcp.storage;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.quality.AnswerScored;
import dev.lrcp.security.PromptScanned;
import java.time.Instant;
import java.util.TreeSet;

/**
 * What we keep about one LLM call: identifiers, labels and numbers, never prompt or answer text.
 * Quality and security results join by prompt id and are null until known.
 */
public record CallRecord(
    Instant at,
    String promptId,
    String traceId,
    Labels labels,
    String outcome,
    String failure,
    Numbers numbers,
    Quality quality,
    Security security) {

  /** Low-cardinality labels of the call. */
  public record Labels(
      String endpoint,
      String requestType,
      String requestedModel,
      String model,
      String provider,
      String application,
      String feature) {}

  /** Measurements of the call. */
  public record Numbers(
      long latencyMs,
      long ttftMs,
      int inputTokens,
      int outputTokens,
      int thinkingTokens,
      double costUsd,
      int retryCount,
      boolean fallbackUsed) {

    public int totalTokens() {
      return inputTokens + outputTokens + thinkingTokens;
    }
  }

  /** Answer quality; {@code groundingScore} is null when there was no document. */
  public record Quality(Double semanticSimilarity, Double groundingScore, Boolean ungrounded) {

    public static Quality of(AnswerScored s) {
      return new Quality(s.semanticSimilarity(), s.groundingScore(), s.ungrounded());
    }
  }

  /** Input scan results; {@code piiTypes} is a comma-separated sorted list. */
  public record Security(
      Double injectionScore, Boolean injectionFlag, String piiTypes, Boolean tokenAbuse) {

    public static Security of(PromptScanned s) {
      return new Security(
          s.injectionScore(),
          s.injectionFlag(),
          String.join(",", new TreeSet<>(s.piiTypes())),
          s.tokenAbuse());
    }
  }

  /** The record of a finished call, with its input scan when it is known. */
  public static CallRecord of(LlmCallCompleted c, PromptScanned scan) {
    var labels =
        new Labels(
            c.endpoint(),
            c.requestType(),
            c.requestedModel(),
            c.model(),
            c.provider(),
            c.tags() == null ? null : c.tags().application(),
            c.tags() == null ? null : c.tags().feature());
    var numbers =
        new Numbers(
            c.latencyMs(),
            c.timeToFirstTokenMs(),
            c.usage().input(),
            c.usage().output(),
            c.usage().thinking(),
            c.costUsd(),
            c.retryCount(),
            c.fallbackUsed());
    return new CallRecord(
        c.at(),
        c.promptId(),
        c.traceId(),
        labels,
        c.outcome().tag(),
        c.failure() == null ? null : c.failure().tag(),
        numbers,
        null,
        scan == null ? null : Security.of(scan));
  }

  public CallRecord withQuality(Quality q) {
    return new CallRecord(at, promptId, traceId, labels, outcome, failure, numbers, q, security);
  }

  public CallRecord withSecurity(Security s) {
    return new CallRecord(at, promptId, traceId, labels, outcome, failure, numbers, quality, s);
  }

  public boolean failed() {
    return "error".equals(outcome);
  }

  public String endpoint() {
    return labels.endpoint();
  }

  public String model() {
    return labels.model();
  }

  public String provider() {
    return labels.provider();
  }

  /** Grounding score, or null when the call had no document or is not scored yet. */
  public Double groundingScore() {
    return quality == null ? null : quality.groundingScore();
  }

  public boolean injectionFlagged() {
    return security != null && Boolean.TRUE.equals(security.injectionFlag());
  }

  public boolean tokenAbuse() {
    return security != null && Boolean.TRUE.equals(security.tokenAbuse());
  }
}
