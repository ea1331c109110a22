package dev.lrcp.datadog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A composite monitor's status per group from the statuses of the monitors it combines, with
 * Datadog's rules: {@code &&} is the least severe of two alert-worthy statuses (else OK), {@code
 * ||} the most severe alert-worthy one, {@code !} turns alert-worthy into OK and OK into Alert, and
 * a composite without notify_no_data keeps its last status instead of No Data. Groups match by tag
 * values; a monitor grouped by fewer tags applies to every finer group that carries its values.
 */
final class CompositeReplay implements MonitorReplay.Rule {

  private final CompositeQuery query;
  private final Map<String, Tracker> trackers;

  CompositeReplay(CompositeQuery query, Map<String, Tracker> trackers) {
    this.query = query;
    this.trackers = trackers;
  }

  @Override
  public Map<Map<String, String>, ReplayStatus> next(int minute, Tracker self) {
    List<Tracker> parts = query.monitors().stream().map(trackers::get).toList();
    Map<Map<String, String>, ReplayStatus> next = new HashMap<>();
    for (Map<String, String> group : finestGroups(parts)) {
      List<ReplayStatus> statuses = new ArrayList<>();
      for (Tracker part : parts) {
        ReplayStatus s = statusFor(part, group);
        if (s == null) break; // not a common reporting source
        statuses.add(s);
      }
      if (statuses.size() < parts.size()) continue;
      ReplayStatus result = evaluate(query.condition(), statuses);
      if (result != ReplayStatus.NO_DATA) next.put(group, result);
    }
    return next;
  }

  private static List<Map<String, String>> finestGroups(List<Tracker> parts) {
    int most =
        parts.stream()
            .flatMap(p -> p.statuses().keySet().stream())
            .mapToInt(Map::size)
            .max()
            .orElse(0);
    return parts.stream()
        .flatMap(p -> p.statuses().keySet().stream())
        .filter(g -> g.size() == most)
        .distinct()
        .toList();
  }

  private static ReplayStatus statusFor(Tracker part, Map<String, String> group) {
    for (var e : part.statuses().entrySet()) {
      if (group.entrySet().containsAll(e.getKey().entrySet())) return e.getValue();
    }
    return null;
  }

  static ReplayStatus evaluate(BoolExpr e, List<ReplayStatus> statuses) {
    return switch (e) {
      case BoolExpr.Monitor m -> statuses.get((int) m.id());
      case BoolExpr.Not n -> {
        ReplayStatus s = evaluate(n.operand(), statuses);
        yield s == ReplayStatus.NO_DATA
            ? s
            : s.alertWorthy() ? ReplayStatus.OK : ReplayStatus.ALERT;
      }
      case BoolExpr.And a -> {
        ReplayStatus l = evaluate(a.left(), statuses);
        ReplayStatus r = evaluate(a.right(), statuses);
        yield l.alertWorthy() && r.alertWorthy() ? min(l, r) : ReplayStatus.OK;
      }
      case BoolExpr.Or o -> {
        ReplayStatus l = evaluate(o.left(), statuses);
        ReplayStatus r = evaluate(o.right(), statuses);
        yield l.alertWorthy() || r.alertWorthy() ? max(l, r) : ReplayStatus.OK;
      }
    };
  }

  private static ReplayStatus min(ReplayStatus a, ReplayStatus b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static ReplayStatus max(ReplayStatus a, ReplayStatus b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
