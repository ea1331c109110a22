package dev.lrcp.health;

import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmCallCompleted.Outcome;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.TokenUsage;
import dev.lrcp.quality.AnswerScored;
import dev.lrcp.security.PromptScanned;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Builds call facts for tests. */
public final class Facts {

  private Facts() {}

  public static LlmCallCompleted call(Instant at, String endpoint, String model, long latencyMs) {
    return call(at, endpoint, model, latencyMs, null);
  }

  public static LlmCallCompleted call(
      Instant at, String endpoint, String model, long latencyMs, LlmFailure failure) {
    return new LlmCallCompleted(
        at,
        UUID.randomUUID().toString(),
        endpoint,
        endpoint.substring(1),
        model,
        model,
        "simulated",
        failure == null ? Outcome.SUCCESS : Outcome.ERROR,
        failure,
        latencyMs,
        latencyMs / 3,
        failure == null ? new TokenUsage(400, 100, 0) : TokenUsage.ZERO,
        failure == null ? 0.0004 : 0,
        failure == LlmFailure.UNAVAILABLE ? 2 : 0,
        false,
        CallTags.NONE,
        null);
  }

  public static AnswerScored score(LlmCallCompleted call, double grounding, boolean ungrounded) {
    return new AnswerScored(
        call.at(),
        call.promptId(),
        call.endpoint(),
        call.model(),
        call.provider(),
        grounding,
        grounding,
        ungrounded);
  }

  public static PromptScanned scan(LlmCallCompleted call, boolean injection) {
    return new PromptScanned(
        call.at().minusMillis(call.latencyMs()),
        call.promptId(),
        call.endpoint(),
        injection ? 0.97 : 0.02,
        injection,
        injection ? "prompt" : null,
        Set.of(),
        false,
        false);
  }
}
