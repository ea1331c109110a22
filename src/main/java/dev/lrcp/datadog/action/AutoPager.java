package dev.lrcp.datadog.action;

import dev.lrcp.incident.IncidentOpened;
import dev.lrcp.incident.Incidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pages the team in {@code lrcp.datadog.auto-page-team} when a SEV-1 incident opens (off unless
 * set, and only with keys). Only the replica that opened the incident hears of it, so each incident
 * is paged once. The page goes out on its own thread: neither a rule evaluation nor a request waits
 * on Datadog.
 */
@Component
class AutoPager {

  private static final Logger log = LoggerFactory.getLogger(AutoPager.class);

  private final DatadogActionsProperties properties;
  private final DatadogApis apis;
  private final Incidents incidents;
  private final OnCall onCall;

  AutoPager(DatadogActionsProperties properties, DatadogApis apis, Incidents incidents) {
    this.properties = properties;
    this.apis = apis;
    this.incidents = incidents;
    this.onCall = new OnCall(apis);
  }

  @EventListener
  void on(IncidentOpened opened) {
    if (!properties.autoPaging() || !"SEV-1".equals(opened.severity()) || !apis.configured()) {
      return;
    }
    Thread.ofVirtual().name("auto-page").start(() -> page(opened));
  }

  void page(IncidentOpened opened) {
    try {
      var incident = incidents.find(opened.id()).orElse(null);
      var paged =
          onCall.page(
              new OnCall.Page(
                  properties.autoPageTeam(),
                  true,
                  incident == null ? "[SEV-1] " + opened.title() : null,
                  null,
                  incident));
      log.warn("incident {} paged team {}: page {}", opened.id(), paged.team(), paged.pageId());
    } catch (DatadogFailure e) {
      log.error(
          "incident {} could not page team {}: {}",
          opened.id(),
          properties.autoPageTeam(),
          e.getMessage());
    }
  }
}
