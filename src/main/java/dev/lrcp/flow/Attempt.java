package dev.lrcp.flow;

import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.TokenUsage;

/**
 * One call of the model port, timed and priced once ({@link ModelCall}): its answer, or the failure
 * the resilience layer gave up with.
 *
 * @param requestedModel the model asked for; {@code model} answered or failed last
 * @param response null when the attempt failed
 * @param failure null when the attempt answered
 * @param ttftMs until the first streamed delta; the latency when nothing was streamed
 * @param streamed true when at least one delta reached the caller
 */
public record Attempt(
    String requestedModel,
    String model,
    String provider,
    LlmResponse response,
    LlmException failure,
    long latencyMs,
    long ttftMs,
    double costUsd,
    boolean streamed) {

  public boolean answered() {
    return response != null;
  }

  public TokenUsage usage() {
    return response == null ? TokenUsage.ZERO : response.usage();
  }

  public int retryCount() {
    return response != null ? response.retryCount() : failure.retryCount();
  }

  public boolean fallbackUsed() {
    return response != null ? response.fallbackUsed() : failure.fallbackUsed();
  }

  public CallRecord.Outcome outcome() {
    if (response == null) {
      return streamed ? CallRecord.Outcome.TRUNCATED : CallRecord.Outcome.ERROR;
    }
    return response.safetyBlock() ? CallRecord.Outcome.SAFETY_BLOCK : CallRecord.Outcome.SUCCESS;
  }
}
