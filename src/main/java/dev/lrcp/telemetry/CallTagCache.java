package dev.lrcp.telemetry;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRecord.Labels;
import dev.lrcp.flow.CallRecord.Outcome;
import dev.lrcp.llm.LlmFailure;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CallTagSets} per kind of call, so a call's metric lines reuse tag arrays rendered,
 * sanitised and checked once. Bounded: application and feature come from callers, so past {@code
 * maxEntries} kinds new ones are built per call instead of cached (same lines, more garbage).
 */
final class CallTagCache {

  private final int maxEntries;
  private final ConcurrentHashMap<Key, CallTagSets> sets = new ConcurrentHashMap<>();

  CallTagCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  CallTagSets of(CallRecord call) {
    var key = new Key(call.labels(), call.outcome(), call.failure());
    CallTagSets cached = sets.get(key);
    if (cached != null) {
      return cached;
    }
    var built = CallTagSets.of(call);
    if (sets.size() < maxEntries) {
      sets.putIfAbsent(key, built);
    }
    return built;
  }

  int size() {
    return sets.size();
  }

  /** Every call field a tag set depends on (the labels are a record: equal by value). */
  private record Key(Labels labels, Outcome outcome, LlmFailure failure) {}
}
