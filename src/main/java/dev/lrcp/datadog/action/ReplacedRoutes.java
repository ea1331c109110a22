package dev.lrcp.datadog.action;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original's routes whose job is done another way here: each answers 501 and names what
 * replaced it, so a caller of the old contract learns where to go instead of getting a 404.
 */
@RestController
@RequestMapping("/datadog")
class ReplacedRoutes {

  @Operation(
      summary = "Replaced: providers are tagged on every llm.call span (501 with the alternative)")
  @PostMapping("/service-map/enhance-tags")
  void enhanceTags() {
    throw serviceMap();
  }

  @Operation(
      summary = "Replaced: provider dependencies come from peer.service (501 with the alternative)")
  @PostMapping("/service-map/track-dependency")
  void trackDependency() {
    throw serviceMap();
  }

  @Operation(summary = "Replaced by POST /datadog/oncall/page (501 with the alternative)")
  @PostMapping("/oncall/critical-error")
  void criticalError() {
    throw DatadogFailure.notImplemented(
        "critical errors page through the On-Call Paging API",
        "POST /datadog/oncall/page with {team, urgency: \"high\", title} (or incident_id); set"
            + " LRCP_DATADOG_AUTO_PAGE_TEAM to page a team on every SEV-1 incident");
  }

  private static DatadogFailure serviceMap() {
    return DatadogFailure.notImplemented(
        "the service map is built from the traces this service sends, not from an API call",
        "every model call's llm.call span carries peer.service=<provider>, so Datadog draws the"
            + " provider as a dependency; the service's catalogue entry (team, tier, links) is"
            + " datadog/services/llm-reliability-control-plane.json, imported with `datadog import"
            + " --only services`");
  }
}
