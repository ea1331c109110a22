package dev.lrcp.telemetry;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmCallCompleted.Outcome;
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

  CallTagSets of(LlmCallCompleted call) {
    var key = Key.of(call);
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

  /** Every call field a tag set depends on. */
  private record Key(
      String endpoint,
      String requestType,
      String requestedModel,
      String model,
      String provider,
      Outcome outcome,
      LlmFailure failure,
      String application,
      String feature) {

    static Key of(LlmCallCompleted c) {
      var tags = c.tags();
      return new Key(
          c.endpoint(),
          c.requestType(),
          c.requestedModel(),
          c.model(),
          c.provider(),
          c.outcome(),
          c.failure(),
          tags == null ? null : tags.application(),
          tags == null ? null : tags.feature());
    }
  }
}
