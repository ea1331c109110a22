package dev.lrcp.insights;

import dev.lrcp.anomaly.Cause;
import dev.lrcp.health.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One change, one story: a slow model makes the service and every endpoint it serves anomalous too,
 * and their attributions name the model. Per measure, anomalies are taken most-named first (how
 * many others' leading cause is their scope), then narrowest first; one is dropped when its leading
 * cause names a scope already kept.
 */
final class StorySelection {

  private StorySelection() {}

  static List<LiveAnomalies.Anomaly> select(List<LiveAnomalies.Anomaly> found) {
    var kept = new ArrayList<LiveAnomalies.Anomaly>();
    for (LiveMeasure m : LiveMeasure.values()) {
      var same = found.stream().filter(a -> a.measure() == m).toList();
      var ordered = new ArrayList<>(same);
      ordered.sort(
          Comparator.comparingLong((LiveAnomalies.Anomaly a) -> -namedBy(a, same))
              .thenComparingInt(a -> breadth(a.scope())));
      var keptHere = new ArrayList<LiveAnomalies.Anomaly>();
      for (var a : ordered) {
        var named = named(a);
        if (named.isEmpty() || keptHere.stream().noneMatch(k -> k.scope().equals(named.get()))) {
          keptHere.add(a);
        }
      }
      kept.addAll(keptHere);
    }
    kept.sort(Comparator.comparingDouble((LiveAnomalies.Anomaly a) -> -a.story().anomalyScore()));
    return kept;
  }

  /** The scope the anomaly's leading cause names, when it is an endpoint or a model. */
  private static Optional<Scope> named(LiveAnomalies.Anomaly a) {
    Optional<Cause> top = a.story().attribution().top();
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Cause c = top.get();
    return switch (c.dimension()) {
      case "model" -> Optional.of(Scope.model(c.value()));
      case "endpoint" -> Optional.of(Scope.endpoint(c.value()));
      default -> Optional.empty();
    };
  }

  private static long namedBy(LiveAnomalies.Anomaly a, List<LiveAnomalies.Anomaly> all) {
    return all.stream()
        .filter(o -> o != a && named(o).filter(a.scope()::equals).isPresent())
        .count();
  }

  private static int breadth(Scope s) {
    return s.model() != null ? 0 : s.endpoint() != null ? 1 : 2;
  }
}
