package dev.lrcp.telemetry;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmCallCompleted.Outcome;
import dev.lrcp.llm.LlmFailure;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each {@link LlmCallCompleted} into its metric lines, each sent once. Token, cost and
 * time-to-first-token lines are sent only for calls that produced an answer, so per-request size
 * distributions are not diluted by zeros from failures; failures are counted by kind instead.
 */
@Component
class CallMetrics {

  private final MetricEmitter emitter;

  CallMetrics(MetricEmitter emitter) {
    this.emitter = emitter;
  }

  @EventListener
  void on(LlmCallCompleted call) {
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
    emitter.emit(Metric.REQUEST_COUNT, 1, counted);
    emitter.emit(Metric.REQUEST_LATENCY, call.latencyMs(), withOutcome);
    emitter.emit(Metric.RETRY_COUNT, call.retryCount(), base);
    if (call.fallbackUsed()) {
      emitter.emit(
          Metric.FALLBACK_COUNT,
          1,
          Tags.of("endpoint", call.endpoint())
              .and("requested_model", call.requestedModel())
              .and("model", call.model())
              .and("provider", call.provider()));
    }
    if (call.failed()) {
      failure(call, base);
    } else {
      answered(call, withOutcome);
    }
    if (call.outcome() == Outcome.SAFETY_BLOCK) {
      emitter.emit(Metric.SAFETY_BLOCK_COUNT, 1, base);
    }
  }

  private void answered(LlmCallCompleted call, Tags tags) {
    var usage = call.usage();
    emitter.emit(Metric.TIME_TO_FIRST_TOKEN, call.timeToFirstTokenMs(), tags);
    emitter.emit(Metric.TOKENS_INPUT, usage.input(), tags);
    emitter.emit(Metric.TOKENS_OUTPUT, usage.billableOutput(), tags);
    emitter.emit(Metric.TOKENS_THINKING, usage.thinking(), tags);
    emitter.emit(Metric.TOKENS_TOTAL, usage.total(), tags);
    emitter.emit(Metric.REQUEST_INPUT_TOKENS, usage.input(), tags);
    emitter.emit(Metric.REQUEST_OUTPUT_TOKENS, usage.billableOutput(), tags);
    emitter.emit(Metric.COST_USD, call.costUsd(), tags);
    emitter.emit(Metric.REQUEST_COST_USD, call.costUsd(), tags);
  }

  private void failure(LlmCallCompleted call, Tags base) {
    LlmFailure failure = call.failure() == null ? LlmFailure.UPSTREAM_ERROR : call.failure();
    emitter.emit(Metric.ERROR_COUNT, 1, base.copy().and("error_type", failure.tag()));
    if (failure == LlmFailure.TIMEOUT) {
      emitter.emit(Metric.TIMEOUT_COUNT, 1, base);
    }
  }
}
