package dev.lrcp.completion;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lrcp.flow.CallRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The call's routing decision as the original's {@code routing_decision} metadata key. */
public record RoutingDecision(
    @JsonProperty("policy")
        @Schema(
            description = "static, cheapest-that-holds, cascade or override",
            example = "cascade")
        String policy,
    @JsonProperty("candidates") @Schema(example = "[\"gemini-2.5-flash\", \"gemini-2.5-pro\"]")
        List<String> candidates,
    @JsonProperty("chosen_model")
        @Schema(description = "The model the decision ended with", example = "gemini-2.5-flash")
        String chosenModel,
    @JsonProperty("reason")
        @Schema(
            description =
                "request, endpoint, application, alias, default, holds, reference,"
                    + " insufficient_data, exploration, cascade or override",
            example = "cascade")
        String reason,
    @JsonProperty("detail") String detail,
    @JsonProperty("escalated") boolean escalated,
    @JsonProperty("escalation_reason")
        @Schema(
            description =
                "ungrounded, refusal, safety_block, length, invalid_json or error; null when not"
                    + " escalated",
            nullable = true)
        String escalationReason,
    @JsonProperty("reference_model")
        @Schema(description = "What savings are measured against; null for static", nullable = true)
        String referenceModel,
    @JsonProperty("savings_usd")
        @Schema(
            description =
                "Reference model's cost for the same tokens minus the actual cost of every attempt",
            example = "0.0000412")
        double savingsUsd,
    @JsonProperty("override_id") @Schema(nullable = true) String overrideId) {

  static RoutingDecision of(CallRecord.Routing r) {
    return r == null
        ? null
        : new RoutingDecision(
            r.policy(),
            r.candidates(),
            r.chosenModel(),
            r.reason(),
            r.detail(),
            r.escalated(),
            r.escalation(),
            r.referenceModel(),
            r.savingsUsd(),
            r.overrideId());
  }
}
