package dev.lrcp.flow;

import dev.lrcp.flow.CallRecord.Labels;
import dev.lrcp.flow.CallRecord.Numbers;
import dev.lrcp.flow.CallRecord.Outcome;
import dev.lrcp.llm.LlmResponse;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Builds a call's {@link CallRecord} from what the stages left on the {@link Call}. */
final class CallRecords {

  private CallRecords() {}

  /**
   * The record of a call that reached the model, from its last attempt; an escalated call's latency
   * and time to first token include the attempts before it, and its cost all of them.
   */
  static CallRecord called(Call call, Instant at) {
    Attempt a = call.attempt();
    var usage = a.usage();
    long earlier = call.earlierAttemptsMs();
    var numbers =
        new Numbers(
            earlier + a.latencyMs(),
            earlier + a.ttftMs(),
            usage.input(),
            usage.output(),
            usage.thinking(),
            call.spentUsd(),
            a.retryCount(),
            a.fallbackUsed());
    return new CallRecord(
        at,
        call.promptId(),
        call.traceId(),
        labels(call, a.requestedModel(), a.model(), a.provider()),
        a.outcome(),
        a.failure() == null ? null : a.failure().failure(),
        numbers,
        call.routing(),
        call.quality(),
        call.security(),
        call.cache(),
        PromptShape.of(call.request()));
  }

  /** The record of a call answered from the response cache: no model attempt, nothing spent. */
  static CallRecord cached(Call call, Instant at) {
    LlmResponse answer = call.cachedAnswer();
    long ms = TimeUnit.NANOSECONDS.toMillis(call.elapsedNanos());
    return new CallRecord(
        at,
        call.promptId(),
        call.traceId(),
        labels(call, call.model(), answer.model(), CallRecord.CACHE_PROVIDER),
        answer.safetyBlock() ? Outcome.SAFETY_BLOCK : Outcome.SUCCESS,
        null,
        new Numbers(ms, ms, 0, 0, 0, 0, 0, false),
        call.routing(),
        call.quality(),
        call.security(),
        call.cache(),
        PromptShape.of(call.request()));
  }

  /** The record of a call the security policy refused before any model was called. */
  static CallRecord blocked(Call call, Instant at) {
    return new CallRecord(
        at,
        call.promptId(),
        call.traceId(),
        labels(call, call.model(), call.model(), null),
        Outcome.BLOCKED,
        null,
        Numbers.NONE,
        call.routing(),
        null,
        call.security(),
        null,
        null);
  }

  private static Labels labels(Call call, String requested, String model, String provider) {
    CallRequest r = call.request();
    return new Labels(
        r.endpoint(),
        r.requestType(),
        requested,
        model,
        provider,
        r.tags().application(),
        r.tags().feature(),
        r.injected(),
        r.tags().key());
  }
}
