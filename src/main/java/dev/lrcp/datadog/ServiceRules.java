package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The software catalogue's entry for this service: it must name the service the metrics, traces and
 * monitors use, belong to the team the monitors notify, say how critical it is, and link only to
 * places that exist (other assets, the Datadog app, or an https URL).
 */
final class ServiceRules {

  private ServiceRules() {}

  static List<String> check(JsonNode definition) {
    List<String> problems = new ArrayList<>();
    if (!AssetLinter.SERVICE.equals(definition.path("dd-service").asText())) {
      problems.add("dd-service must be " + AssetLinter.SERVICE);
    }
    if (!"llm-reliability".equals(definition.path("team").asText())) {
      problems.add("team must be llm-reliability, the team the monitors notify");
    }
    for (String field : List.of("tier", "lifecycle", "description")) {
      if (definition.path(field).asText().isBlank()) {
        problems.add("missing " + field);
      }
    }
    if (definition.path("contacts").isEmpty()) {
      problems.add("no contact: the catalogue entry must say who to reach");
    }
    for (JsonNode link : definition.path("links")) {
      String url = link.path("url").asText();
      if (!(url.startsWith("${app_url}/")
          || url.startsWith("${dashboard:")
          || url.startsWith("https://"))) {
        problems.add("link '" + link.path("name").asText() + "' is not an asset, app or https URL");
      }
    }
    return problems;
  }
}
