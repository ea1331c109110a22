package dev.lrcp.datadog;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The logs and traces links of a message open what the alert is about: its service and environment,
 * the endpoint and model it is grouped by, and the minutes around the trigger. Log attributes are
 * those of the {@code llm_call} line; trace attributes those of the {@code llm.call} span, which
 * carries both endpoint and model (the HTTP root span does not carry the model).
 */
final class LinkRules {

  private static final Pattern LINK =
      Pattern.compile("\\$\\{app_url}/(logs|apm/traces)\\?query=([^&)\\s]*)([^)]*)");
  private static final Map<String, Map<String, String>> ATTRIBUTES =
      Map.of(
          "logs", Map.of("endpoint", "@endpoint", "model", "@model"),
          "apm/traces", Map.of("endpoint", "@llm.endpoint", "model", "@llm.model"));

  private LinkRules() {}

  static List<String> check(String message, Set<String> groupKeys, boolean productionOnly) {
    List<String> problems = new ArrayList<>();
    if (!message.contains("${dashboard:")) problems.add("message lacks a link ${dashboard:");
    Set<String> seen = new java.util.HashSet<>();
    Matcher m = LINK.matcher(message);
    while (m.find()) {
      String view = m.group(1);
      seen.add(view);
      String query = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
      String where = view + " link: ";
      required(groupKeys, productionOnly, view).stream()
          .filter(term -> !query.contains(term))
          .forEach(term -> problems.add(where + "query lacks " + term));
      if (!m.group(3).contains("from_ts=") || !m.group(3).contains("to_ts=")) {
        problems.add(where + "not limited to the alert's time (from_ts, to_ts)");
      }
      if (view.equals("logs") && query.contains("status:")) {
        problems.add(where + "filters on status, which hides the INFO lines of answered calls");
      }
    }
    for (String view : ATTRIBUTES.keySet()) {
      if (!seen.contains(view)) problems.add("message lacks a ${app_url}/" + view + " link");
    }
    return problems;
  }

  private static List<String> required(Set<String> groupKeys, boolean productionOnly, String view) {
    List<String> terms = new ArrayList<>();
    terms.add(
        groupKeys.contains("service")
            ? "service:{{service.name}}"
            : "service:" + AssetLinter.SERVICE);
    if (groupKeys.contains("env")) terms.add("env:{{env.name}}");
    else if (productionOnly) terms.add("env:prod");
    for (var attribute : ATTRIBUTES.get(view).entrySet()) {
      if (groupKeys.contains(attribute.getKey())) {
        terms.add(attribute.getValue() + ":\"{{" + attribute.getKey() + ".name}}\"");
      }
    }
    return terms;
  }
}
