package dev.lrcp.insights;

import dev.lrcp.drift.QualityDrift;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.health.Scope;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Quality-drift warnings over recent calls, per scope (the service, each endpoint, each model). A
 * drifting model makes the service and its endpoints drift too: the largest drop is kept first, and
 * a scope that no longer drifts without a kept scope's calls is explained by it and left out.
 */
final class LiveDrift {

  private LiveDrift() {}

  static List<DriftInsight> warnings(List<CallRecord> calls, List<Scope> scopes) {
    record Found(Scope scope, QualityDrift.Drop drop) {}
    var found = new ArrayList<Found>();
    for (Scope s : scopes) {
      QualityDrift.drop(LiveAnomalies.within(calls, s), QualityDrift.MIN_DROP)
          .ifPresent(d -> found.add(new Found(s, d)));
    }
    found.sort(Comparator.comparingDouble((Found f) -> -f.drop().size()));
    var kept = new ArrayList<Found>();
    for (Found f : found) {
      var own = LiveAnomalies.within(calls, f.scope());
      boolean explained =
          kept.stream()
              .anyMatch(
                  k -> QualityDrift.drop(without(own, k.scope()), QualityDrift.MIN_DROP).isEmpty());
      if (!explained) {
        kept.add(f);
      }
    }
    return kept.stream().map(f -> insight(f.scope(), f.drop())).toList();
  }

  private static DriftInsight insight(Scope scope, QualityDrift.Drop d) {
    var since = d.sinceStart();
    var start = since.getFirst().at().truncatedTo(ChronoUnit.SECONDS);
    String text =
        InsightsAnalyzer.fmt(
            "%s %s is drifting down: mean %.2f now against %.2f before %s (%d scored calls since;"
                + " CUSUM)",
            d.signal().id(),
            StoryText.phrase(scope),
            d.current(),
            d.reference(),
            start,
            since.size());
    return new DriftInsight(
        scope.label(), d.signal().id(), d.reference(), d.current(), start, since.size(), text);
  }

  private static List<CallRecord> without(List<CallRecord> calls, Scope s) {
    return calls.stream().filter(c -> !LiveAnomalies.matches(s, c)).toList();
  }
}
