package dev.lrcp.health;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRecord.Routing;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link RecentCalls} keeps of a call record: the same record, with its labels, routing codes
 * (the whole decision when it saved nothing), unscored-quality reasons and cache misses shared with
 * every other record that carries the same value, and without the routing decision's sentence for
 * people (logs and answer metadata carry it; storage does not keep it either). The window holds
 * tens of thousands of records for half an hour, and these values, parsed or formatted anew for
 * each call, were about a third of each record's heap. At most {@link #MAX_VALUES} distinct values
 * are shared (labels come from requests); past that a value is kept as it came.
 */
final class CallRecordCompactor {

  static final int MAX_VALUES = 4_096;

  private final ConcurrentHashMap<Object, Object> shared = new ConcurrentHashMap<>();

  CallRecord compact(CallRecord r) {
    return new CallRecord(
        r.at(),
        r.promptId(),
        r.traceId(),
        share(r.labels()),
        r.outcome(),
        r.failure(),
        r.numbers(),
        routing(r.routing()),
        r.quality() == null || r.quality().isScored() ? r.quality() : share(r.quality()),
        r.security(),
        r.cache() == null || r.cache().served() ? r.cache() : share(r.cache()),
        r.prompt());
  }

  int size() {
    return shared.size();
  }

  private Routing routing(Routing r) {
    if (r == null) {
      return null;
    }
    var codes =
        new Routing(
            share(r.policy()),
            share(r.reason()),
            r.candidates().isEmpty() ? List.of() : share(r.candidates()),
            share(r.chosenModel()),
            share(r.referenceModel()),
            share(r.escalation()),
            r.savingsUsd(),
            share(r.overrideId()),
            null);
    return r.savingsUsd() == 0 ? share(codes) : codes;
  }

  /** The instance already held for a value equal to {@code value}, or {@code value} itself. */
  @SuppressWarnings("unchecked")
  private <T> T share(T value) {
    if (value == null) {
      return null;
    }
    Object held = shared.get(value);
    if (held == null && shared.size() < MAX_VALUES) {
      held = shared.putIfAbsent(value, value);
    }
    return held == null ? value : (T) held;
  }
}
