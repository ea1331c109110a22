package dev.lrcp.cache;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.TokenUsage;

/**
 * An answer kept for reuse, with what it cost and, when it was scored before it was returned, its
 * quality.
 *
 * @param embedding the last user message's unit vector, or null when not embedded
 * @param quality null when the answer was scored in the background (not kept)
 */
record CachedAnswer(
    CacheKeys keys,
    String text,
    String model,
    String provider,
    TokenUsage usage,
    String finishReason,
    CallRecord.Quality quality,
    double costUsd,
    float[] embedding,
    long createdAtMs,
    long expiresAtMs) {

  LlmResponse response() {
    return LlmResponse.of(text, model, provider, usage, finishReason);
  }

  boolean expired(long nowMs) {
    return nowMs >= expiresAtMs;
  }
}
