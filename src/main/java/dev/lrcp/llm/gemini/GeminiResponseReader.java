package dev.lrcp.llm.gemini;

import com.google.genai.types.Candidate;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.Part;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.TokenCounter;
import dev.lrcp.llm.TokenUsage;
import java.util.Set;

/**
 * Folds one response, or the chunks of a streamed one, into an {@link LlmResponse}: visible text
 * (thought parts excluded), the last finish reason, the last {@code usageMetadata}, and safety
 * blocks from either the prompt feedback or the candidate's finish reason.
 */
final class GeminiResponseReader {

  private static final Set<String> SAFETY_FINISH =
      Set.of(
          "SAFETY",
          "BLOCKLIST",
          "PROHIBITED_CONTENT",
          "SPII",
          "IMAGE_SAFETY",
          "IMAGE_PROHIBITED_CONTENT");

  private final LlmRequest request;
  private final String provider;
  private final StringBuilder text = new StringBuilder();
  private String finishReason;
  private String blockReason;
  private GenerateContentResponseUsageMetadata usage;
  private boolean sawCandidate;

  GeminiResponseReader(LlmRequest request, String provider) {
    this.request = request;
    this.provider = provider;
  }

  /** Adds a response or chunk; returns the visible text it carried. */
  String add(GenerateContentResponse response) {
    response.usageMetadata().ifPresent(u -> usage = u);
    response
        .promptFeedback()
        .flatMap(f -> f.blockReason())
        .ifPresent(reason -> blockReason = reason.toString());
    var delta = new StringBuilder();
    Candidate candidate =
        response.candidates().filter(c -> !c.isEmpty()).map(c -> c.getFirst()).orElse(null);
    if (candidate != null) {
      sawCandidate = true;
      candidate.finishReason().ifPresent(f -> finishReason = f.toString());
      for (Part part : candidate.content().flatMap(c -> c.parts()).orElse(java.util.List.of())) {
        if (!part.thought().orElse(false)) {
          part.text().ifPresent(delta::append);
        }
      }
    }
    text.append(delta);
    return delta.toString();
  }

  LlmResponse response() {
    TokenUsage tokens = tokens();
    if (blockReason != null) {
      return LlmResponse.safetyBlocked(blockReason, request.model(), provider, tokens);
    }
    if (finishReason != null && SAFETY_FINISH.contains(finishReason)) {
      return LlmResponse.safetyBlocked(finishReason, request.model(), provider, tokens);
    }
    if (!sawCandidate || finishReason == null) {
      throw new LlmException(
          LlmFailure.MALFORMED_RESPONSE,
          request.model(),
          provider,
          "response has no finished candidate and no block reason");
    }
    return LlmResponse.of(text.toString(), request.model(), provider, tokens, finishReason);
  }

  /** Provider-reported usage; thoughts are kept apart and billed as output by the catalog. */
  private TokenUsage tokens() {
    if (usage == null) {
      return new TokenUsage(
          TokenCounter.count(request.promptText()), TokenCounter.count(text.toString()), 0);
    }
    return new TokenUsage(
        usage.promptTokenCount().orElse(0),
        usage.candidatesTokenCount().orElse(0),
        usage.thoughtsTokenCount().orElse(0));
  }
}
