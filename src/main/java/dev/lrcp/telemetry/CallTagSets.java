package dev.lrcp.telemetry;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmFailure;

/**
 * The frozen tag sets {@link CallMetrics} sends for one kind of call: {@code base} (endpoint,
 * model, provider, request type), {@code withOutcome}, {@code counted} (plus application and
 * feature), {@code error} (base plus the failure kind, for failed calls) and {@code fallback}.
 */
record CallTagSets(Tags base, Tags withOutcome, Tags counted, Tags error, Tags fallback) {

  static CallTagSets of(LlmCallCompleted call) {
    Tags base =
        Tags.of("endpoint", call.endpoint())
            .and("model", call.model())
            .and("provider", call.provider())
            .and("request_type", call.requestType());
    Tags withOutcome = base.copy().and("outcome", call.outcome().tag());
    Tags counted = withOutcome.copy();
    if (call.tags() != null) {
      counted.and("application", call.tags().application()).and("feature", call.tags().feature());
    }
    Tags fallback =
        Tags.of("endpoint", call.endpoint())
            .and("requested_model", call.requestedModel())
            .and("model", call.model())
            .and("provider", call.provider());
    return new CallTagSets(
        base.frozen(),
        withOutcome.frozen(),
        counted.frozen(),
        call.failed() ? base.copy().and("error_type", failureOf(call).tag()).frozen() : null,
        fallback.frozen());
  }

  /** A failed call without a kind counts as an upstream error. */
  static LlmFailure failureOf(LlmCallCompleted call) {
    return call.failure() == null ? LlmFailure.UPSTREAM_ERROR : call.failure();
  }
}
