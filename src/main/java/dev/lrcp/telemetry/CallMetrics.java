package dev.lrcp.telemetry;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRecord.Outcome;
import dev.lrcp.llm.LlmFailure;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each call's {@link CallRecord} into its metric lines, each sent once. Token, cost and
 * time-to-first-token lines are sent only for calls that produced an answer, so per-request size
 * distributions are not diluted by zeros from failures; failures are counted by kind instead. A
 * call the security policy refused never reached a model and sends only its security lines ({@link
 * SignalMetrics}). Tag arrays come from a bounded cache per kind of call ({@link CallTagCache}).
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
  void on(CallRecord call) {
    if (!call.called()) {
      return;
    }
    CallTagSets sets = tags.of(call);
    var numbers = call.numbers();
    emitter.emit(Metric.REQUEST_COUNT, 1, sets.counted());
    emitter.emit(Metric.REQUEST_LATENCY, numbers.latencyMs(), sets.withOutcome());
    emitter.emit(Metric.RETRY_COUNT, numbers.retryCount(), sets.base());
    if (numbers.fallbackUsed()) {
      emitter.emit(Metric.FALLBACK_COUNT, 1, sets.fallback());
    }
    if (call.failed()) {
      emitter.emit(Metric.ERROR_COUNT, 1, sets.error());
      if (call.failure() == LlmFailure.TIMEOUT) {
        emitter.emit(Metric.TIMEOUT_COUNT, 1, sets.base());
      }
    } else {
      answered(numbers, sets.withOutcome());
    }
    if (call.outcome() == Outcome.SAFETY_BLOCK) {
      emitter.emit(Metric.SAFETY_BLOCK_COUNT, 1, sets.base());
    }
    if (call.cache() != null) {
      cache(call, call.cache());
    }
  }

  private void cache(CallRecord call, CallRecord.Cache cache) {
    Tags tags = Tags.of("endpoint", call.endpoint()).and("model", call.model());
    if (cache.served()) {
      tags.and("result", cache.result());
      emitter.emit(Metric.CACHE_HIT, 1, tags);
      emitter.emit(Metric.CACHE_SAVED_USD, cache.savedUsd(), tags);
    } else if (cache.result().equals(CallRecord.Cache.MISS)) {
      emitter.emit(Metric.CACHE_MISS, 1, tags);
    }
  }

  private void answered(CallRecord.Numbers n, Tags tags) {
    emitter.emit(Metric.TIME_TO_FIRST_TOKEN, n.ttftMs(), tags);
    emitter.emit(Metric.TOKENS_INPUT, n.inputTokens(), tags);
    emitter.emit(Metric.TOKENS_OUTPUT, n.billableOutputTokens(), tags);
    emitter.emit(Metric.TOKENS_THINKING, n.thinkingTokens(), tags);
    emitter.emit(Metric.TOKENS_TOTAL, n.totalTokens(), tags);
    emitter.emit(Metric.REQUEST_INPUT_TOKENS, n.inputTokens(), tags);
    emitter.emit(Metric.REQUEST_OUTPUT_TOKENS, n.billableOutputTokens(), tags);
    emitter.emit(Metric.COST_USD, n.costUsd(), tags);
    emitter.emit(Metric.REQUEST_COST_USD, n.costUsd(), tags);
  }
}
