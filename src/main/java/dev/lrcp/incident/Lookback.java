package dev.lrcp.incident;

import dev.lrcp.anomaly.Attribution;
import dev.lrcp.anomaly.ShiftAttributor;
import dev.lrcp.flow.CallRecord;
import java.time.Instant;
import java.util.List;

/**
 * One evaluation's look-back for attribution (the baseline and the rule window): each finding is
 * explained against its scope's own past in the recent calls in memory, available from the first
 * evaluation on. Only when those are too few to find the change are the stored records of the
 * look-back read (once per evaluation), which cover what memory does not after a restart.
 */
final class Lookback {

  private static final ShiftAttributor ATTRIBUTOR = ShiftAttributor.standard();

  private final CallSource source;
  private final Instant from;
  private final Instant to;
  private List<CallRecord> live;
  private List<CallRecord> history;

  /** Reads nothing until a finding asks for an explanation. */
  Lookback(CallSource source, Instant from, Instant to) {
    this.source = source;
    this.from = from;
    this.to = to;
  }

  Attribution explain(Finding f) {
    if (live == null) {
      live = source.between(from, to);
    }
    var attribution = attribute(live, f);
    if (attribution.basis() != null) {
      return attribution;
    }
    if (history == null) {
      history = source.history(from, to);
    }
    return history.size() > live.size() ? attribute(history, f) : attribution;
  }

  private static Attribution attribute(List<CallRecord> calls, Finding f) {
    return ATTRIBUTOR.attribute(calls, f.scope()::contains, f.scope().phrase(), f.measure());
  }
}
