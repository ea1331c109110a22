package dev.lrcp.incident;

import dev.lrcp.storage.CallRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses which breaching scopes deserve an incident, so one problem opens one incident. A slow
 * model makes every endpoint it serves (and the service) breach too; a breaching scope is
 * "explained" by an already chosen one when, without the chosen scope's calls, it no longer
 * breaches. Candidates are taken active incidents first (a stable scope), then those explaining the
 * most other breaches (the slow model rather than one of its endpoints), then by magnitude.
 */
final class ScopeSelector {

  private final Detectors detectors;

  ScopeSelector(Detectors detectors) {
    this.detectors = detectors;
  }

  List<Finding> select(
      Rule rule, List<CallRecord> current, List<CallRecord> baseline, Set<Scope> active) {
    var candidates = new LinkedHashSet<Scope>(active);
    current.forEach(
        c -> {
          candidates.add(Scope.endpoint(c.endpoint()));
          candidates.add(Scope.model(c.model()));
        });
    candidates.add(Scope.SERVICE);
    var findings = new ArrayList<Finding>();
    for (Scope s : candidates) {
      detectors.check(rule, s, within(current, s), within(baseline, s)).ifPresent(findings::add);
    }
    var explained = new HashMap<Finding, Long>();
    for (Finding f : findings) {
      explained.put(
          f,
          findings.stream()
              .filter(g -> g != f && explains(f.scope(), g, current, baseline))
              .count());
    }
    findings.sort(
        Comparator.comparing((Finding f) -> !active.contains(f.scope()))
            .thenComparing(Comparator.comparingLong((Finding f) -> explained.get(f)).reversed())
            .thenComparing(Comparator.comparingDouble(Finding::magnitude).reversed())
            .thenComparingInt(f -> within(current, f.scope()).size())
            .thenComparingInt(ScopeSelector::specificity));
    var kept = new ArrayList<Finding>();
    for (Finding f : findings) {
      if (kept.stream().noneMatch(k -> explains(k.scope(), f, current, baseline))) {
        kept.add(f);
      }
    }
    return kept;
  }

  private boolean explains(
      Scope chosen, Finding f, List<CallRecord> current, List<CallRecord> base) {
    var rest = without(within(current, f.scope()), chosen);
    var restBase = without(within(base, f.scope()), chosen);
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
