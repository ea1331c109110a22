package dev.lrcp.datadog.action;

import static dev.lrcp.datadog.action.DatadogCall.call;

import com.datadog.api.client.v2.api.WorkflowAutomationApi;
import com.datadog.api.client.v2.model.WorkflowInstanceCreateMeta;
import com.datadog.api.client.v2.model.WorkflowInstanceCreateRequest;
import dev.lrcp.incident.Incidents;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Runs a Datadog Workflow Automation workflow with an incident (and any context) as its input. */
@RestController
@RequestMapping("/datadog/workflows")
class WorkflowController {

  private final DatadogApis apis;
  private final Incidents incidents;
  private final JsonMapper json;

  WorkflowController(DatadogApis apis, Incidents incidents, JsonMapper json) {
    this.apis = apis;
    this.incidents = incidents;
    this.json = json;
  }

  record TriggerRequest(String incidentId, Map<String, Object> context) {}

  record Triggered(String workflowId, String instanceId, String incidentId) {}

  /**
   * The original's model switch posted to any URL it was given. Here switching models is a routing
   * decision of this service, never a request to a caller's URL: the answer names the routing
   * override, which is scoped, expires and is audited.
   */
  @Operation(summary = "Not offered: models are switched by a routing override (501 naming it)")
  @PostMapping("/model-switch")
  void modelSwitch() {
    throw DatadogFailure.notImplemented(
        "models are switched by this service's routing, never by a request to a caller's URL",
        "POST /routing/overrides {\"scope\": {\"endpoint\": \"/qa\"}, \"model\": \"...\","
            + " \"ttl\": \"PT30M\", \"reason\": \"...\"} switches an endpoint or application"
            + " at once on every replica, or Apply on an incident's model-switch runbook step");
  }

  @Operation(summary = "Run a workflow: its input is {incident, context, service, env}")
  @PostMapping("/trigger/{workflowId}")
  @ResponseStatus(HttpStatus.CREATED)
  Triggered trigger(
      @PathVariable @Pattern(regexp = "^[A-Za-z0-9-]{1,64}$", message = "must be a workflow id")
          String workflowId,
      @Valid @RequestBody(required = false) TriggerRequest request) {
    var api = new WorkflowAutomationApi(apis.api());
    var payload = new LinkedHashMap<String, Object>();
    payload.put("service", apis.account().service());
    payload.put("env", apis.account().env());
    String incidentId = request == null ? null : request.incidentId();
    if (incidentId != null) {
      var incident =
          incidents
              .find(incidentId)
              .orElseThrow(() -> DatadogFailure.notFound("no incident with id " + incidentId));
      payload.put("incident", json.convertValue(incident, Map.class));
    }
    if (request != null && request.context() != null) {
      payload.put("context", request.context());
    }
    var body =
        new WorkflowInstanceCreateRequest().meta(new WorkflowInstanceCreateMeta().payload(payload));
    String instance =
        call(
            "run workflow " + workflowId,
            () -> api.createWorkflowInstance(workflowId, body).getData().getId());
    return new Triggered(workflowId, instance, incidentId);
  }
}
