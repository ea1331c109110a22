package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules for an SLO: its queries parse and query emitted metrics, it measures production only and
 * leaves drills out (other environments and load tests must not spend production's error budget),
 * and it is a metric or time-slice SLO.
 */
final class SloRules {

  static final String PRODUCTION = "env:prod";

  private SloRules() {}

  static List<String> check(JsonNode slo, MetricCatalog catalog) {
    List<String> problems = new ArrayList<>();
    switch (slo.path("type").asText()) {
      case "metric" -> {}
      case "time_slice" -> problems.addAll(GraphQueryRules.check(slo, catalog));
      default ->
          problems.add(
              "a monitor SLO counts a monitor left in Alert through a quiet night as downtime:"
                  + " use a metric or time_slice SLO");
    }
    for (MetricRef ref : metrics(slo)) {
      problems.addAll(MetricUsageCheck.check(ref, catalog));
      if (!ref.scope().contains(PRODUCTION))
        problems.add(ref.name() + ": scope must be " + PRODUCTION);
      if (!ref.scope().contains("service:" + AssetLinter.SERVICE)) {
        problems.add(ref.name() + ": scope must filter service:" + AssetLinter.SERVICE);
      }
      if (!Drills.excluded(ref, catalog)) {
        problems.add(ref.name() + ": must leave drills out (!traffic:injected or traffic:organic)");
      }
    }
    return problems;
  }

  /** Every metric an SLO's numerator, denominator or time-slice queries read. */
  static List<MetricRef> metrics(JsonNode slo) {
    List<String> queries = new ArrayList<>();
    JsonNode query = slo.path("query");
    for (String part : List.of("numerator", "denominator")) {
      if (query.has(part)) queries.add(query.get(part).asText());
    }
    slo.at("/sli_specification/time_slice/query/queries")
        .forEach(q -> queries.add(q.path("query").asText()));
    return queries.stream()
        .flatMap(q -> MetricQueryParser.parseGraph(q).metrics().stream())
        .toList();
  }

  /** The SLO's target (percent) for a timeframe such as {@code 30d}, or NaN when it has none. */
  static double target(JsonNode slo, String timeframe) {
    for (JsonNode t : slo.path("thresholds")) {
      if (t.path("timeframe").asText().equals(timeframe)) return t.path("target").asDouble();
    }
    return Double.NaN;
  }
}
