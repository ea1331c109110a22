package dev.lrcp.incident;

import dev.lrcp.flow.CallRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses which breaching scopes deserve an incident, so one problem opens one incident. A slow
 * model makes every endpoint it serves (and the service) breach too; a breaching scope is
 * "explained" by an already chosen one when, without the chosen scope's calls, it no longer
 * breaches. Candidates are taken active incidents first (a stable scope), then those explaining the
 * most other breaches (the slow model rather than one of its endpoints), then by magnitude.
 */
final class ScopeSelector {

  /**
   * One evaluation's windows, with each scope's calls filtered once for every rule that asks (seven
   * rules, each over the same few scopes of up to tens of thousands of calls).
   */
  static final class Windows {
    private final List<CallRecord> current;
    private final List<CallRecord> baseline;
    private final Map<Scope, List<CallRecord>> currentByScope = new HashMap<>();
    private final Map<Scope, List<CallRecord>> baselineByScope = new HashMap<>();

    Windows(List<CallRecord> current, List<CallRecord> baseline) {
      this.current = current;
      this.baseline = baseline;
    }

    List<CallRecord> current() {
      return current;
    }

    List<CallRecord> current(Scope s) {
      return currentByScope.computeIfAbsent(s, k -> within(current, k));
    }

    List<CallRecord> baseline(Scope s) {
      return baselineByScope.computeIfAbsent(s, k -> within(baseline, k));
    }
  }

  private final Detectors detectors;

  ScopeSelector(Detectors detectors) {
    this.detectors = detectors;
  }

  List<Finding> select(Rule rule, Windows windows, Set<Scope> active) {
    var candidates = new LinkedHashSet<Scope>(active);
    windows
        .current()
        .forEach(
            c -> {
              candidates.add(Scope.endpoint(c.endpoint()));
              candidates.add(Scope.model(c.model()));
            });
    candidates.add(Scope.SERVICE);
    var findings = new ArrayList<Finding>();
    for (Scope s : candidates) {
      detectors.check(rule, s, windows.current(s), windows.baseline(s)).ifPresent(findings::add);
    }
    var explained = new HashMap<Finding, Long>();
    for (Finding f : findings) {
      explained.put(
          f, findings.stream().filter(g -> g != f && explains(f.scope(), g, windows)).count());
    }
    findings.sort(
        Comparator.comparing((Finding f) -> !active.contains(f.scope()))
            .thenComparing(Comparator.comparingLong((Finding f) -> explained.get(f)).reversed())
            .thenComparing(Comparator.comparingDouble(Finding::magnitude).reversed())
            .thenComparingInt(f -> windows.current(f.scope()).size())
            .thenComparingInt(ScopeSelector::specificity));
    var kept = new ArrayList<Finding>();
    for (Finding f : findings) {
      if (kept.stream().noneMatch(k -> explains(k.scope(), f, windows))) {
        kept.add(f);
      }
    }
    return kept;
  }

  private boolean explains(Scope chosen, Finding f, Windows windows) {
    var rest = without(windows.current(f.scope()), chosen);
    var restBase = without(windows.baseline(f.scope()), chosen);
    return detectors.check(f.rule(), f.scope(), rest, restBase).isEmpty();
  }

  private static int specificity(Finding f) {
    return f.scope().endpoint() != null ? 0 : f.scope().model() != null ? 1 : 2;
  }

  static List<CallRecord> within(List<CallRecord> calls, Scope s) {
    return calls.stream().filter(s::contains).toList();
  }

  private static List<CallRecord> without(List<CallRecord> calls, Scope s) {
    return calls.stream().filter(c -> !s.contains(c)).toList();
  }
}
