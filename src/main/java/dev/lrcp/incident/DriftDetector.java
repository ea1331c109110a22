package dev.lrcp.incident;

import dev.lrcp.anomaly.Measure;
import dev.lrcp.drift.QualityDrift;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.incident.Finding.Measurement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Quality drift: the score-drift detector ({@link QualityDrift}, two-sided CUSUM) over a scope's
 * grounding scores, then its answer relevance, in the look-back (baseline, then window) in time
 * order. A slow decline tips it while the mean is still above the quality-drop threshold, which is
 * the point of an early warning. The finding holds while the look-back's warnings end in drops
 * adding up to at least the threshold: until quality recovers (an upward warning) or the level
 * before the drift has left the look-back. Always SEV-3: nothing is failing yet.
 */
final class DriftDetector {

  private final IncidentProperties properties;
  private final Detectors detectors;

  DriftDetector(IncidentProperties properties, Detectors detectors) {
    this.properties = properties;
    this.detectors = detectors;
  }

  Optional<Finding> check(Scope scope, List<CallRecord> calls, List<CallRecord> baseline) {
    if (calls.size() < properties.minRequests()) {
      return Optional.empty();
    }
    var lookback = new ArrayList<CallRecord>(baseline);
    lookback.addAll(calls);
    double minDrop = properties.threshold(Rule.QUALITY_DRIFT);
    return QualityDrift.drop(lookback, minDrop).map(d -> finding(scope, d, minDrop));
  }

  /** The event of a drift finding that opened an incident. */
  static QualityDriftDetected detected(Finding f, Instant at) {
    var m = f.measurement();
    String signal =
        (f.measure() == Measure.UNGROUNDED
                ? QualityDrift.Signal.GROUNDING
                : QualityDrift.Signal.RELEVANCE)
            .id();
    return new QualityDriftDetected(
        at, signal, f.scope().endpoint(), f.scope().model(), m.baseline(), m.value());
  }

  private Finding finding(Scope scope, QualityDrift.Drop drop, double minDrop) {
    var since = drop.sinceStart();
    var signal = drop.signal();
    String title =
        String.format(
            Locale.US,
            "%s drifting down %s: mean %.2f now against %.2f before %s (%d calls scored since)",
            signal.id(),
            scope.phrase(),
            drop.current(),
            drop.reference(),
            since.getFirst().at().truncatedTo(ChronoUnit.SECONDS),
            since.size());
    var measure = signal == QualityDrift.Signal.GROUNDING ? Measure.UNGROUNDED : Measure.IRRELEVANT;
    var m =
        new Measurement(
            measure.metric(),
            "mean_since_change",
            drop.current(),
            drop.reference() - minDrop,
            "score",
            since.size(),
            drop.reference());
    return new Finding(
        Rule.QUALITY_DRIFT,
        scope,
        Severity.SEV_3,
        title,
        drop.size() / minDrop,
        m,
        measure,
        detectors.worst(since, c -> true, c -> -signal.of(c)));
  }
}
