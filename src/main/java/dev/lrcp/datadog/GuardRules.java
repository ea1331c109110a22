package dev.lrcp.datadog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The volume guard, as Datadog builds it: a rate or percentile monitor is only a condition (it
 * notifies nobody) and a composite {@code ${monitor:condition} && ${monitor:volume}} notifies,
 * where the volume monitor counts at least {@value #MIN_CALLS} calls of the same groups over the
 * same window. Without it, 1 failure in 2 calls is a 50 % error rate and one slow call is the p95.
 */
final class GuardRules {

  static final int MIN_CALLS = 20;
  private static final String CALLS = "llm.request.count";

  private GuardRules() {}

  /** Problems of one metric monitor; {@code all} holds every asset, to find its composite. */
  static List<String> check(Asset monitor, Tier tier, List<Asset> all, MetricCatalog catalog) {
    ParsedQuery parsed = MetricQueryParser.parseMonitor(monitor.body().path("query").asText());
    if (tier == Tier.CONDITION && !isCombined(monitor.id(), all)) {
      return List.of("a tier:condition monitor that no composite combines notifies nobody");
    }
    if (!needsGuard(parsed, catalog)) return List.of();
    List<String> problems = new ArrayList<>();
    if (tier != Tier.CONDITION) {
      problems.add(
          "a rate or percentile monitor notifies only through a composite with a volume"
              + " guard: make it tier:condition");
    }
    boolean guarded =
        all.stream()
            .flatMap(GuardRules::parsedComposite)
            .map(CompositeQuery::conjunctionOfTwo)
            .filter(pair -> pair.contains(monitor.id()))
            .map(pair -> pair.get(pair.get(0).equals(monitor.id()) ? 1 : 0))
            .map(id -> find(id, all))
            .filter(Objects::nonNull)
            .anyMatch(volume -> isVolumeGuardFor(volume, parsed));
    if (!guarded) {
      problems.add(
          "no composite combines it (&&) with a volume monitor: sum("
              + parsed.window()
              + "):sum:"
              + CALLS
              + "{...} by "
              + groups(parsed)
              + ".as_count() >= "
              + MIN_CALLS);
    }
    return problems;
  }

  /** Rates (a division), percentiles and means of per-call distributions need enough calls. */
  static boolean needsGuard(ParsedQuery q, MetricCatalog catalog) {
    return MonitorRules.hasDivision(q.expression())
        || q.metrics().stream()
            .anyMatch(
                r ->
                    r.isPercentile()
                        || (r.spaceAggregator().equals("avg")
                            && MonitorRules.isDistribution(r, catalog)));
  }

  private static boolean isVolumeGuardFor(Asset candidate, ParsedQuery guarded) {
    ParsedQuery v;
    try {
      v = MetricQueryParser.parseMonitor(candidate.body().path("query").asText());
    } catch (MetricQueryParser.QuerySyntaxException e) {
      return false;
    }
    if (v.metrics().size() != 1) return false;
    MetricRef calls = v.metrics().getFirst();
    double minimum = v.comparator().equals(">") ? v.threshold() + 1 : v.threshold();
    return calls.name().equals(CALLS)
        && calls.spaceAggregator().equals("sum")
        && calls.methods().contains("as_count")
        && v.timeAggregation().equals("sum")
        && v.comparator().startsWith(">")
        && minimum >= MIN_CALLS
        && v.window().equals(guarded.window())
        && groups(v).equals(groups(guarded));
  }

  private static HashSet<String> groups(ParsedQuery q) {
    return new HashSet<>(q.metrics().getFirst().groupBy());
  }

  private static boolean isCombined(String monitorId, List<Asset> all) {
    return all.stream()
        .flatMap(GuardRules::parsedComposite)
        .anyMatch(c -> c.monitors().contains(monitorId));
  }

  /** A composite that does not parse is reported on its own file, not on every monitor's. */
  private static java.util.stream.Stream<CompositeQuery> parsedComposite(Asset asset) {
    if (!asset.isComposite()) return java.util.stream.Stream.empty();
    try {
      return java.util.stream.Stream.of(CompositeQuery.parse(asset.body().path("query").asText()));
    } catch (MetricQueryParser.QuerySyntaxException e) {
      return java.util.stream.Stream.empty();
    }
  }

  private static Asset find(String id, List<Asset> all) {
    return all.stream()
        .filter(a -> a.kind() == AssetKind.MONITORS && a.id().equals(id))
        .findFirst()
        .orElse(null);
  }
}
