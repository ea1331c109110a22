package dev.lrcp.completion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.quality.QualityScores;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happened during one completion. Keys keep the original's names (including the dotted {@code
 * llm.*} ones); names are explicit so no naming strategy can drift them.
 */
public record CompletionMetadata(
    @JsonProperty("prompt_id") @Schema(example = "1f0c6a57-8a3e-4c55-b7a4-0f1c2b3d4e5f")
        String promptId,
    @JsonProperty("model")
        @Schema(description = "Model that answered", example = "gemini-2.5-flash")
        String model,
    @JsonProperty("model_version")
        @Schema(description = "Same as model (the original reported its default)")
        String modelVersion,
    @JsonProperty("requested_model") @Schema(description = "Model the router asked for")
        String requestedModel,
    @JsonProperty("routed_by")
        @Schema(description = "request, endpoint or default", example = "default")
        String routedBy,
    @JsonProperty("provider") @Schema(example = "simulated") String provider,
    @JsonProperty("latency_ms") @Schema(example = "412") long latencyMs,
    @JsonProperty("time_to_first_token_ms") @Schema(example = "351") long timeToFirstTokenMs,
    @JsonProperty("input_tokens") @Schema(example = "24") int inputTokens,
    @JsonProperty("output_tokens") @Schema(example = "18") int outputTokens,
    @JsonProperty("thinking_tokens") @Schema(example = "0") int thinkingTokens,
    @JsonProperty("cost_usd") @Schema(example = "0.0000522") double costUsd,
    @JsonProperty("retry_count") @Schema(example = "0") int retryCount,
    @JsonProperty("safety_block") boolean safetyBlock,
    @JsonProperty("fallback_used") boolean fallbackUsed,
    @JsonProperty("finish_reason") @Schema(example = "STOP") String finishReason,
    @JsonProperty("llm.response.length") @Schema(description = "Words in the answer")
        int responseLength,
    @JsonProperty("llm.semantic_similarity_score") double semanticSimilarity,
    @JsonProperty("llm.grounding_score")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present only when a document was given", nullable = true)
        Double groundingScore,
    @JsonProperty("llm.ungrounded_answer_flag") boolean ungrounded,
    @JsonProperty("security.prompt_injection_score") double injectionScore,
    @JsonProperty("security.prompt_injection_flag") boolean injectionFlag,
    @JsonProperty("security.pii_types") Set<String> piiTypes,
    @JsonProperty("security.token_abuse_flag") boolean tokenAbuse,
    @JsonProperty("routing_decision") RoutingDecision routingDecision) {

  public CompletionMetadata {
    // sorted, so the JSON array is stable from one response to the next
    piiTypes =
        piiTypes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(piiTypes));
  }

  /** The metadata of a call whose answer was scored before it returned. */
  static CompletionMetadata of(CallRecord record, LlmResponse response) {
    var labels = record.labels();
    var numbers = record.numbers();
    var quality = record.quality();
    var security = record.security();
    return new CompletionMetadata(
        record.promptId(),
        labels.model(),
        labels.model(),
        labels.requestedModel(),
        record.routing() == null ? null : record.routing().reason(),
        labels.provider(),
        numbers.latencyMs(),
        numbers.ttftMs(),
        numbers.inputTokens(),
        numbers.outputTokens(),
        numbers.thinkingTokens(),
        numbers.costUsd(),
        numbers.retryCount(),
        response.safetyBlock(),
        numbers.fallbackUsed(),
        response.finishReason(),
        QualityScores.words(response.text()),
        quality == null || quality.semanticSimilarity() == null ? 0 : quality.semanticSimilarity(),
        quality == null ? null : quality.groundingScore(),
        quality != null && Boolean.TRUE.equals(quality.ungrounded()),
        security == null ? 0 : security.injectionScore(),
        security != null && security.injectionFlag(),
        security == null ? Set.of() : security.piiTypes(),
        security != null && security.tokenAbuse(),
        RoutingDecision.of(record.routing()));
  }
}
