package dev.lrcp.completion;

import dev.lrcp.llm.LlmResponse;
import dev.lrcp.quality.QualityScores;
import dev.lrcp.routing.RouteDecision;
import dev.lrcp.security.SecurityVerdict;

/** Everything known about a finished call, turned into the public metadata in one place. */
record CallFacts(
    String promptId,
    RouteDecision route,
    LlmResponse response,
    CallTiming timing,
    double costUsd,
    QualityScores quality,
    SecurityVerdict verdict) {

  CompletionMetadata metadata() {
    var usage = response.usage();
    return new CompletionMetadata(
        promptId,
        response.model(),
        response.model(),
        route.model(),
        route.reason(),
        response.provider(),
        timing.latencyMs(),
        timing.timeToFirstTokenMs(),
        usage.input(),
        usage.output(),
        usage.thinking(),
        costUsd,
        response.retryCount(),
        response.safetyBlock(),
        response.fallbackUsed(),
        response.finishReason(),
        quality.responseWords(),
        quality.semanticSimilarity(),
        quality.groundingScore(),
        quality.ungrounded(),
        verdict.injectionScore(),
        verdict.injectionFlag(),
        verdict.piiTypes(),
        verdict.tokenAbuse());
  }
}
