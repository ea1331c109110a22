package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.PromptShape;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenUsage;
import java.time.Instant;
import java.util.UUID;

/** Hand-made call records for the builders: tokens priced with the real price table. */
record Usage(
    String endpoint,
    String model,
    int input,
    int output,
    int thinking,
    Double quality,
    String promptHash,
    double repeatedShare,
    boolean failed,
    boolean injected,
    double extraCostUsd) {

  static final ModelCatalog CATALOG = ModelCatalog.load();
  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  static Usage of(String endpoint, String model, int input, int output) {
    return new Usage(endpoint, model, input, output, 0, null, null, 0, false, false, 0);
  }

  Usage thinking(int tokens) {
    return new Usage(
        endpoint,
        model,
        input,
        output,
        tokens,
        quality,
        promptHash,
        repeatedShare,
        failed,
        injected,
        extraCostUsd);
  }

  Usage quality(double q) {
    return new Usage(
        endpoint,
        model,
        input,
        output,
        thinking,
        q,
        promptHash,
        repeatedShare,
        failed,
        injected,
        extraCostUsd);
  }

  Usage prompt(String hash, double repeated) {
    return new Usage(
        endpoint,
        model,
        input,
        output,
        thinking,
        quality,
        hash,
        repeated,
        failed,
        injected,
        extraCostUsd);
  }

  Usage failedAfterSpending(double usd) {
    return new Usage(endpoint, model, 0, 0, 0, null, promptHash, 0, true, injected, usd);
  }

  Usage drill() {
    return new Usage(
        endpoint,
        model,
        input,
        output,
        thinking,
        quality,
        promptHash,
        repeatedShare,
        failed,
        true,
        extraCostUsd);
  }

  Usage extraCost(double usd) {
    return new Usage(
        endpoint,
        model,
        input,
        output,
        thinking,
        quality,
        promptHash,
        repeatedShare,
        failed,
        injected,
        usd);
  }

  CallRecord at(int secondsAfterT0) {
    return at(T0.plusSeconds(secondsAfterT0));
  }

  CallRecord at(Instant at) {
    double cost = CATALOG.cost(model, new TokenUsage(input, output, thinking)) + extraCostUsd;
    var labels =
        new CallRecord.Labels(
            endpoint, endpoint.substring(1), model, model, "simulated", null, null, injected, null);
    return new CallRecord(
        at,
        UUID.randomUUID().toString(),
        null,
        labels,
        failed ? CallRecord.Outcome.ERROR : CallRecord.Outcome.SUCCESS,
        failed ? LlmFailure.UNAVAILABLE : null,
        new CallRecord.Numbers(100, 50, input, output, thinking, cost, failed ? 2 : 0, false),
        null,
        quality == null ? null : CallRecord.Quality.scored(quality, null, false),
        null,
        null,
        promptHash == null ? null : new PromptShape(promptHash, repeatedShare));
  }
}
