package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules for dashboard and notebook queries: every {@code q} and every metrics query parses as a
 * graph query, every formula names existing queries, every template variable is declared, and the
 * metrics are emitted with the tags used.
 */
final class GraphQueryRules {

  private GraphQueryRules() {}

  static List<String> check(JsonNode root, MetricCatalog catalog) {
    Set<String> variables = new HashSet<>();
    root.path("template_variables").forEach(v -> variables.add(v.path("name").asText()));
    List<String> problems = new ArrayList<>();
    walk(root, variables, catalog, problems);
    return problems;
  }

  private static void walk(
      JsonNode node, Set<String> vars, MetricCatalog catalog, List<String> problems) {
    if (node.isArray()) node.forEach(n -> walk(n, vars, catalog, problems));
    if (!node.isObject()) return;
    if (node.path("q").isTextual()) checkQuery(node.get("q").asText(), vars, catalog, problems);
    Set<String> names = new HashSet<>();
    for (JsonNode query : node.path("queries")) {
      if (query.path("data_source").asText().equals("metrics")) {
        checkQuery(query.path("query").asText(), vars, catalog, problems);
      }
      names.add(query.path("name").asText());
    }
    for (JsonNode formula : node.path("formulas")) {
      for (String name : MetricQueryParser.parseFormula(formula.path("formula").asText())) {
        if (!names.contains(name)) problems.add("formula refers to unknown query '" + name + "'");
      }
    }
    node.forEach(child -> walk(child, vars, catalog, problems));
  }

  private static void checkQuery(
      String q, Set<String> vars, MetricCatalog catalog, List<String> problems) {
    for (MetricRef ref : MetricQueryParser.parseGraph(q).metrics()) {
      problems.addAll(MetricUsageCheck.check(ref, catalog));
      ref.scope().stream()
          .filter(t -> t.startsWith("$") && !vars.contains(t.substring(1)))
          .forEach(t -> problems.add(ref.name() + ": template variable " + t + " is not declared"));
    }
  }
}
