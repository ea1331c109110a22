package dev.lrcp.llm;

import java.time.Instant;

/**
 * The fact of one finished model call, success or failure, published exactly once per call by the
 * telemetry decorator. Metrics, logs, health windows, storage and incident rules all consume it.
 *
 * @param requestedModel the model asked for; {@code model} is the one that answered or failed last
 * @param failure null unless {@code outcome} is {@link Outcome#ERROR}
 * @param traceId the APM trace id (decimal string) when a tracer is attached, else null
 */
public record LlmCallCompleted(
    Instant at,
    String promptId,
    String endpoint,
    String requestType,
    String requestedModel,
    String model,
    String provider,
    Outcome outcome,
    LlmFailure failure,
    long latencyMs,
    long timeToFirstTokenMs,
    TokenUsage usage,
    double costUsd,
    int retryCount,
    boolean fallbackUsed,
    CallTags tags,
    String traceId) {

  public enum Outcome {
    SUCCESS,
    SAFETY_BLOCK,
    ERROR;

    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean failed() {
    return outcome == Outcome.ERROR;
  }
}
