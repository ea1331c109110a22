package dev.lrcp.telemetry;

import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmCallCompleted.Outcome;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.TokenUsage;
import java.time.Instant;

/** Sample facts for telemetry tests. */
final class Events {

  static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

  private Events() {}

  static LlmCallCompleted success(CallTags tags) {
    return new LlmCallCompleted(
        AT,
        "p-1",
        "/qa",
        "qa",
        "gemini-2.5-flash",
        "gemini-2.5-flash",
        "gemini",
        Outcome.SUCCESS,
        null,
        420,
        120,
        new TokenUsage(100, 40, 10),
        0.00042,
        1,
        false,
        tags,
        null);
  }

  static LlmCallCompleted timeoutAfterFallback() {
    return new LlmCallCompleted(
        AT,
        "p-2",
        "/reason",
        "reason",
        "gemini-2.5-pro",
        "gemini-2.5-flash",
        "gemini",
        Outcome.ERROR,
        LlmFailure.TIMEOUT,
        30_000,
        30_000,
        TokenUsage.ZERO,
        0.0,
        3,
        true,
        CallTags.NONE,
        null);
  }

  static LlmCallCompleted safetyBlock() {
    return new LlmCallCompleted(
        AT,
        "p-3",
        "/qa",
        "qa",
        "gemini-2.5-flash",
        "gemini-2.5-flash",
        "gemini",
        Outcome.SAFETY_BLOCK,
        null,
        200,
        200,
        new TokenUsage(30, 0, 0),
        0.00001,
        0,
        false,
        null,
        null);
  }
}
