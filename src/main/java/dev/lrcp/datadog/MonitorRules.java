package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for one monitor beyond the API model: the query parses and fits the monitor type, the
 * thresholds agree with the query (the API rejects a critical that differs from the query's), the
 * metrics are emitted with the tags used, and the message is a runbook that reaches a human.
 */
final class MonitorRules {

  static final List<String> RUNBOOK_SECTIONS = List.of("What failed", "Why", "What next");
  private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{\\{(\\w+)\\.name}}");
  private static final Pattern BURN_RATE =
      Pattern.compile(
          "burn_rate\\(\"\\$\\{slo:[a-z0-9-]+}\"\\)\\.over\\(\"(7d|30d|90d)\"\\)"
              + "\\.long_window\\(\"\\d+[mhd]\"\\)\\.short_window\\(\"\\d+[mhd]\"\\) > (\\d+(\\.\\d+)?)");

  private MonitorRules() {}

  static List<String> check(JsonNode monitor, MetricCatalog catalog) {
    List<String> problems = new ArrayList<>(messageProblems(monitor.path("message").asText()));
    String type = monitor.path("type").asText();
    String query = monitor.path("query").asText();
    if (type.equals("composite")) {
      MetricQueryParser.parseComposite(AssetLinter.REFERENCE.matcher(query).replaceAll("1"));
      if (!query.contains("${monitor:")) problems.add("a composite refers to ${monitor:<file>}");
      return problems;
    }
    if (type.equals("slo alert")) return sloAlertProblems(monitor, problems);
    if (!type.equals("query alert") && !type.equals("metric alert")) {
      return List.of("type '" + type + "' is not a metric monitor type this linter knows");
    }
    ParsedQuery parsed = MetricQueryParser.parseMonitor(query);
    for (MetricRef ref : parsed.metrics()) {
      problems.addAll(MetricUsageCheck.check(ref, catalog));
      if (!ref.scope().contains("service:" + AssetLinter.SERVICE)) {
        problems.add(ref.name() + ": scope must filter service:" + AssetLinter.SERVICE);
      }
      if (!ref.groupBy().contains("env")) problems.add(ref.name() + ": must group by env");
      problems.addAll(templateProblems(monitor.path("message").asText(), ref));
    }
    problems.addAll(thresholdProblems(parsed, monitor.path("options")));
    return problems;
  }

  /** A burn-rate alert on an SLO of this repository; it has no groups, so no {{tag.name}}. */
  private static List<String> sloAlertProblems(JsonNode monitor, List<String> problems) {
    Matcher m = BURN_RATE.matcher(monitor.path("query").asText());
    if (!m.matches()) {
      problems.add(
          "an slo alert query is burn_rate(\"${slo:<file>}\").over(..).long_window(..).short_window(..) > N");
      return problems;
    }
    double threshold = Double.parseDouble(m.group(2));
    problems.addAll(
        thresholdProblems(
            new ParsedQuery(null, null, ">", threshold, List.of(), List.of()),
            monitor.path("options")));
    if (TEMPLATE_TAG.matcher(monitor.path("message").asText()).find()) {
      problems.add("an slo alert has no groups: {{tag.name}} variables stay empty");
    }
    return problems;
  }

  private static List<String> messageProblems(String message) {
    List<String> problems = new ArrayList<>();
    RUNBOOK_SECTIONS.stream()
        .filter(s -> !message.contains("**" + s))
        .forEach(s -> problems.add("message lacks the runbook section **" + s + "**"));
    for (String link : List.of("${dashboard:", "/logs?query=", "/apm/traces?query=")) {
      if (!message.contains(link)) problems.add("message lacks a link " + link);
    }
    if (!message.contains("@slack-") && !message.contains("@pagerduty-")) {
      problems.add("message notifies no handle");
    }
    return problems;
  }

  private static List<String> templateProblems(String message, MetricRef ref) {
    List<String> problems = new ArrayList<>();
    Matcher m = TEMPLATE_TAG.matcher(message);
    while (m.find()) {
      if (!ref.groupBy().contains(m.group(1))) {
        problems.add("{{" + m.group(1) + ".name}} used but the query does not group by it");
      }
    }
    return problems;
  }

  private static List<String> thresholdProblems(ParsedQuery q, JsonNode options) {
    List<String> problems = new ArrayList<>();
    JsonNode t = options.path("thresholds");
    if (!t.has("critical") || t.get("critical").asDouble() != q.threshold()) {
      problems.add("options.thresholds.critical must equal the query threshold " + q.threshold());
    }
    boolean above = q.comparator().startsWith(">");
    if (t.has("warning")) {
      double w = t.get("warning").asDouble();
      if (above ? w >= q.threshold() : w <= q.threshold()) {
        problems.add("warning " + w + " is not on the non-alerting side of " + q.threshold());
      }
    }
    if (q.functions().contains("anomalies") && !options.has("threshold_windows")) {
      problems.add("an anomalies() monitor needs options.threshold_windows");
    }
    return problems;
  }
}
