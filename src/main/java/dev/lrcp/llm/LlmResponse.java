package dev.lrcp.llm;

/**
 * What a model answered. {@code model} is the model that really answered (after any fallback).
 * {@code retryCount} and {@code fallbackUsed} are filled by the resilience layer; adapters leave
 * them at 0 and false.
 */
public record LlmResponse(
    String text,
    String model,
    String provider,
    TokenUsage usage,
    boolean safetyBlock,
    String finishReason,
    int retryCount,
    boolean fallbackUsed) {

  public static LlmResponse of(
      String text, String model, String provider, TokenUsage usage, String finishReason) {
    return new LlmResponse(text, model, provider, usage, false, finishReason, 0, false);
  }

  public static LlmResponse safetyBlocked(
      String reason, String model, String provider, TokenUsage usage) {
    return new LlmResponse(
        "Response blocked due to safety policy: " + reason,
        model,
        provider,
        usage,
        true,
        "SAFETY",
        0,
        false);
  }

  public LlmResponse withResilience(int retries, boolean fallback) {
    return new LlmResponse(
        text, model, provider, usage, safetyBlock, finishReason, retries, fallback);
  }
}
