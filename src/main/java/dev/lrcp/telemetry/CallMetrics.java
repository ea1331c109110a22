package dev.lrcp.telemetry;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmCallCompleted.Outcome;
import dev.lrcp.llm.LlmFailure;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each {@link LlmCallCompleted} into its metric lines, each sent once. Token, cost and
 * time-to-first-token lines are sent only for calls that produced an answer, so per-request size
 * distributions are not diluted by zeros from failures; failures are counted by kind instead. Tag
 * arrays come from a bounded cache per kind of call ({@link CallTagCache}).
 */
@Component
class CallMetrics {

  /** Kinds of call (endpoint × model × outcome × application × …) whose tags are kept. */
  private static final int TAG_SETS = 2048;

  private final MetricEmitter emitter;
  private final CallTagCache tags = new CallTagCache(TAG_SETS);

  CallMetrics(MetricEmitter emitter) {
    this.emitter = emitter;
  }

  @EventListener
  void on(LlmCallCompleted call) {
    CallTagSets sets = tags.of(call);
    emitter.emit(Metric.REQUEST_COUNT, 1, sets.counted());
    emitter.emit(Metric.REQUEST_LATENCY, call.latencyMs(), sets.withOutcome());
    emitter.emit(Metric.RETRY_COUNT, call.retryCount(), sets.base());
    if (call.fallbackUsed()) {
      emitter.emit(Metric.FALLBACK_COUNT, 1, sets.fallback());
    }
    if (call.failed()) {
      emitter.emit(Metric.ERROR_COUNT, 1, sets.error());
      if (CallTagSets.failureOf(call) == LlmFailure.TIMEOUT) {
        emitter.emit(Metric.TIMEOUT_COUNT, 1, sets.base());
      }
    } else {
      answered(call, sets.withOutcome());
    }
    if (call.outcome() == Outcome.SAFETY_BLOCK) {
      emitter.emit(Metric.SAFETY_BLOCK_COUNT, 1, sets.base());
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
}
