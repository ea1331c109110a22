package dev.lrcp.telemetry;

import dev.lrcp.flow.CallRecord;

/**
 * The frozen tag sets {@link CallMetrics} sends for one kind of call: {@code base} (endpoint,
 * model, provider, request type, traffic), {@code withOutcome}, {@code counted} (plus application
 * and feature), {@code error} (base plus the failure kind, for failed calls) and {@code fallback}.
 */
record CallTagSets(Tags base, Tags withOutcome, Tags counted, Tags error, Tags fallback) {

  static CallTagSets of(CallRecord call) {
    var labels = call.labels();
    Tags base =
        Tags.of("endpoint", labels.endpoint())
            .and("model", labels.model())
            .and("provider", labels.provider())
            .and("request_type", labels.requestType())
            .and("traffic", labels.traffic());
    Tags withOutcome = base.copy().and("outcome", Labels.outcome(call.outcome()));
    Tags counted =
        withOutcome
            .copy()
            .and("application", labels.application())
            .and("feature", labels.feature());
    Tags fallback =
        Tags.of("endpoint", labels.endpoint())
            .and("requested_model", labels.requestedModel())
            .and("model", labels.model())
            .and("provider", labels.provider())
            .and("traffic", labels.traffic());
    return new CallTagSets(
        base.frozen(),
        withOutcome.frozen(),
        counted.frozen(),
        call.failed()
            ? base.copy().and("error_type", Labels.failure(call.failure())).frozen()
            : null,
        fallback.frozen());
  }
}
