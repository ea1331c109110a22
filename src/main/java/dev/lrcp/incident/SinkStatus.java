package dev.lrcp.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code GET /incidents/status}: the original's keys plus the sink's delivery health. */
@Component
class SinkStatus {

  private final DatadogAccount account;
  private final Outbox outbox;
  private final IncidentStore store;

  SinkStatus(DatadogAccount account, Outbox outbox, IncidentStore store) {
    this.account = account;
    this.outbox = outbox;
    this.store = store;
  }

  Map<String, Object> report() {
    var backlog = outbox.backlog();
    var body = new LinkedHashMap<String, Object>();
    body.put("enabled", true);
    body.put("service_name", account.service());
    body.put("dashboard_name", "LLM Reliability Control Plane");
    body.put("api_configured", account.configured());
    body.put("message", message(backlog));
    var sink = new LinkedHashMap<String, Object>();
    sink.put("name", "datadog");
    sink.put("site", account.site());
    sink.put("configured", account.configured());
    sink.put("pending_deliveries", backlog.pending());
    sink.put("failing_deliveries", backlog.failing());
    sink.put("last_error", backlog.lastError());
    body.put("sink", sink);
    body.put("open_incidents", store.count(Incident.OPEN) + store.count(Incident.ACKNOWLEDGED));
    return body;
  }

  private String message(Outbox.Backlog backlog) {
    if (!account.configured()) {
      return "Incidents are detected and stored locally; set DD_API_KEY and DD_APP_KEY to"
          + " deliver them to Datadog Incident Management.";
    }
    return backlog.failing() > 0
        ? backlog.failing() + " deliveries to Datadog are failing and being retried"
        : "Incidents are delivered to Datadog Incident Management";
  }
}
