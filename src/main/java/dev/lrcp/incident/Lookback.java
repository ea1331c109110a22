package dev.lrcp.incident;

import dev.lrcp.anomaly.Attribution;
import dev.lrcp.anomaly.ShiftAttributor;
import dev.lrcp.flow.CallRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation's look-back for attribution (the baseline and the rule window): each finding is
 * explained against its scope's own past in this replica's recent calls, available from the first
 * evaluation on. Only when those are too few to find the change are the stored records of the
 * look-back read (once per evaluation), which cover what memory does not after a restart.
 */
final class Lookback {

  private static final ShiftAttributor ATTRIBUTOR = ShiftAttributor.standard();

  private final CallSource source;
  private final Instant from;
  private final Instant to;
  private final List<CallRecord> live;
  private List<CallRecord> history;

  Lookback(
      CallSource source,
      Instant from,
      Instant to,
      List<CallRecord> baseline,
      List<CallRecord> current) {
    this.source = source;
    this.from = from;
    this.to = to;
    this.live = new ArrayList<>(baseline);
    live.addAll(current);
  }

  Attribution explain(Finding f) {
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
