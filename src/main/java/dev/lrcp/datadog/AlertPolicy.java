package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The paging policy across assets: only symptoms page (SLO burn rate, the heartbeat, synthetic
 * tests), each alert's message is checked in the context of what it is grouped by and whether it
 * can fire outside production, and rate and percentile monitors are volume-guarded.
 */
final class AlertPolicy {

  static final int MIN_LOCATIONS = 3;
  static final int MIN_LOCATIONS_FAILED = 2;

  private AlertPolicy() {}

  static List<String> monitor(Asset monitor, List<Asset> all, MetricCatalog catalog) {
    JsonNode body = monitor.body();
    Tier tier = Tier.of(body.path("tags")).orElse(null);
    if (tier == null) return List.of(); // reported by MonitorRules
    String type = body.path("type").asText();
    boolean heartbeat =
        "show_and_notify_no_data".equals(body.at("/options/on_missing_data").asText());
    List<String> problems = new ArrayList<>();
    JsonNode slo = type.equals("slo alert") ? referencedSlo(body, all) : null;
    boolean productionOnly = slo != null && isProductionOnly(slo);
    if (tier == Tier.PAGE && !type.equals("slo alert") && !heartbeat) {
      problems.add(
          "only symptoms page: an SLO burn-rate alert, a heartbeat (on_missing_data"
              + " show_and_notify_no_data) or a synthetic test");
    }
    var context =
        new MessageRules.Context(
            tier, groupKeys(monitor, all), productionOnly, !type.equals("slo alert"));
    problems.addAll(
        MessageRules.check(body.path("message").asText(), context, repository(monitor)));
    if (type.equals("query alert")) problems.addAll(GuardRules.check(monitor, tier, all, catalog));
    if (slo != null) problems.addAll(burnRateProblems(body, slo));
    return problems;
  }

  static List<String> synthetic(Asset test) {
    JsonNode body = test.body();
    Tier tier = Tier.of(body.path("tags")).orElse(null);
    if (tier == null) return List.of("no tier:<page|channel|ticket> tag");
    List<String> problems = new ArrayList<>();
    if (body.path("locations").size() < MIN_LOCATIONS
        || body.at("/options/min_location_failed").asInt() < MIN_LOCATIONS_FAILED) {
      problems.add(
          "a synthetic test runs from at least "
              + MIN_LOCATIONS
              + " locations and fails"
              + " only when "
              + MIN_LOCATIONS_FAILED
              + " do (one location's network is not an outage)");
    }
    boolean production =
        AssetLinter.stream(body.path("tags")).anyMatch(SloRules.PRODUCTION::equals);
    var context = new MessageRules.Context(tier, Set.of(), production, false);
    problems.addAll(MessageRules.check(body.path("message").asText(), context, repository(test)));
    return problems;
  }

  /** The tags an alert is grouped by; for a composite, those its monitors have in common. */
  static Set<String> groupKeys(Asset monitor, List<Asset> all) {
    JsonNode body = monitor.body();
    return switch (body.path("type").asText()) {
      case "query alert", "metric alert" ->
          Set.copyOf(
              MetricQueryParser.parseMonitor(body.path("query").asText())
                  .metrics()
                  .getFirst()
                  .groupBy());
      case "composite" -> {
        Set<String> common = null;
        for (String id : CompositeQuery.parse(body.path("query").asText()).monitors()) {
          Asset part = AssetLinter.find(all, AssetKind.MONITORS, id);
          if (part == null) continue; // reported as a dangling reference
          Set<String> keys = groupKeys(part, all);
          if (common == null) common = new HashSet<>(keys);
          else common.retainAll(keys);
        }
        yield common == null ? Set.of() : Set.copyOf(common);
      }
      default -> Set.of();
    };
  }

  static boolean isProductionOnly(JsonNode slo) {
    List<MetricRef> refs = SloRules.metrics(slo);
    return !refs.isEmpty() && refs.stream().allMatch(r -> r.scope().contains(SloRules.PRODUCTION));
  }

  private static JsonNode referencedSlo(JsonNode alert, List<Asset> all) {
    Matcher m = MonitorRules.BURN_RATE.matcher(alert.path("query").asText());
    if (!m.matches()) return null;
    Asset slo = AssetLinter.find(all, AssetKind.SLOS, m.group(1));
    return slo == null ? null : slo.body();
  }

  /** A burn rate above 1 / (1 - target) would need more than 100 % of calls to fail. */
  private static List<String> burnRateProblems(JsonNode alert, JsonNode slo) {
    Matcher m = MonitorRules.BURN_RATE.matcher(alert.path("query").asText());
    if (!m.matches()) return List.of();
    double target = SloRules.target(slo, m.group(2));
    if (Double.isNaN(target)) return List.of("the SLO has no target for " + m.group(2));
    double max = 100 / (100 - target);
    return Double.parseDouble(m.group(7)) > max
        ? List.of("burn rate " + m.group(7) + " can never be reached (at most " + max + ")")
        : List.of();
  }

  /** The repository the assets belong to: runbook paths are relative to it. */
  static Path repository(Asset asset) {
    return asset.file().toAbsolutePath().normalize().getParent().getParent().getParent();
  }
}
