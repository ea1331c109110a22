package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for one monitor's query and options beyond the API model: the query parses and fits the
 * monitor type, the thresholds agree with the query (the API rejects a critical that differs from
 * the query's) and recover on the non-alerting side, the metrics are emitted with the tags used,
 * drills are left out, rates read as percentages, and distribution monitors resolve once the calls
 * stop. Message rules are in {@link MessageRules}, rules across assets in {@link GuardRules}.
 */
final class MonitorRules {

  static final Pattern BURN_RATE =
      Pattern.compile(
          "burn_rate\\(\"\\$\\{slo:([a-z0-9-]+)}\"\\)\\.over\\(\"(7d|30d|90d)\"\\)"
              + "\\.long_window\\(\"(\\d+)([mh])\"\\)\\.short_window\\(\"(\\d+)([mh])\"\\)"
              + " > (\\d+(\\.\\d+)?)");
  private static final int MAX_LONG_WINDOW_MINUTES = 48 * 60; // Datadog's limit

  private MonitorRules() {}

  static List<String> check(JsonNode monitor, MetricCatalog catalog) {
    List<String> problems = new ArrayList<>();
    if (Tier.of(monitor.path("tags")).isEmpty())
      problems.add("no tier:<page|channel|ticket|condition> tag");
    String type = monitor.path("type").asText();
    String query = monitor.path("query").asText();
    switch (type) {
      case "composite" -> CompositeQuery.parse(query);
      case "slo alert" -> problems.addAll(sloAlertProblems(query, monitor.path("options")));
      case "query alert", "metric alert" -> {
        ParsedQuery parsed = MetricQueryParser.parseMonitor(query);
        problems.addAll(queryProblems(parsed, catalog));
        problems.addAll(Thresholds.check(parsed, monitor.path("options"), true));
        if (parsed.metrics().stream().anyMatch(r -> isDistribution(r, catalog))
            && monitor.at("/options/timeout_h").asInt() < 1) {
          problems.add(
              "a monitor on a distribution needs options.timeout_h (it keeps its state"
                  + " when the calls stop)");
        }
      }
      default -> problems.add("type '" + type + "' is not a monitor type this linter knows");
    }
    return problems;
  }

  /** A burn-rate alert on an SLO of this repository, within Datadog's window limits. */
  private static List<String> sloAlertProblems(String query, JsonNode options) {
    Matcher m = BURN_RATE.matcher(query);
    if (!m.matches()) {
      return List.of(
          "an slo alert query is burn_rate(\"${slo:<file>}\").over(..).long_window(..).short_window(..) > N");
    }
    List<String> problems = new ArrayList<>();
    int longWindow = minutes(m.group(3), m.group(4));
    if (longWindow < 60 || longWindow > MAX_LONG_WINDOW_MINUTES) {
      problems.add("the long window must be 1h to 48h");
    }
    if (minutes(m.group(5), m.group(6)) >= longWindow) {
      problems.add("the short window must be shorter than the long window");
    }
    double threshold = Double.parseDouble(m.group(7));
    problems.addAll(
        Thresholds.check(
            new ParsedQuery(null, null, ">", threshold, List.of(), List.of(), null),
            options,
            false));
    return problems;
  }

  private static List<String> queryProblems(ParsedQuery parsed, MetricCatalog catalog) {
    List<String> problems = new ArrayList<>();
    boolean comparesWithSpans =
        parsed.metrics().stream().anyMatch(r -> r.name().equals(MetricCatalog.ML_OBS_SPAN.name()));
    for (MetricRef ref : parsed.metrics()) {
      problems.addAll(MetricUsageCheck.check(ref, catalog));
      if (!ref.scope().contains("service:" + AssetLinter.SERVICE)) {
        problems.add(ref.name() + ": scope must filter service:" + AssetLinter.SERVICE);
      }
      if (!ref.groupBy().contains("env")) problems.add(ref.name() + ": must group by env");
      // drills cost real money and send real spans, so spend and the span comparison keep them
      if (!comparesWithSpans && !isSpend(ref) && !Drills.excluded(ref, catalog)) {
        problems.add(ref.name() + ": must leave drills out (!traffic:injected or traffic:organic)");
      }
    }
    if (hasDivision(parsed.expression())
        && !(leftmost(parsed.expression()) instanceof QueryExpr.Number n && n.value() == 100)) {
      problems.add("a ratio must read as a percentage: write it 100 * a / b");
    }
    return problems;
  }

  static boolean isDistribution(MetricRef ref, MetricCatalog catalog) {
    MetricCatalog.Metric metric = catalog.metrics().get(ref.name());
    return metric != null && metric.type().equals("distribution");
  }

  private static boolean isSpend(MetricRef ref) {
    return ref.name().startsWith("llm.cost.") || ref.name().equals("llm.request.cost_usd");
  }

  static boolean hasDivision(QueryExpr e) {
    return switch (e) {
      case QueryExpr.Binary b -> b.op() == '/' || hasDivision(b.left()) || hasDivision(b.right());
      case QueryExpr.Call c -> hasDivision(c.argument());
      default -> false;
    };
  }

  private static QueryExpr leftmost(QueryExpr e) {
    return e instanceof QueryExpr.Binary b ? leftmost(b.left()) : e;
  }

  private static int minutes(String amount, String unit) {
    return Integer.parseInt(amount) * (unit.equals("h") ? 60 : 1);
  }
}
