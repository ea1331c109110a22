package dev.lrcp.datadog.action;

import dev.lrcp.incident.Incidents;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Paging through Datadog On-Call, and who is on call. */
@RestController
@RequestMapping("/datadog/oncall")
class OnCallController {

  private final DatadogApis apis;
  private final Incidents incidents;
  private final OnCall onCall;

  OnCallController(DatadogApis apis, Incidents incidents) {
    this.apis = apis;
    this.incidents = incidents;
    this.onCall = new OnCall(apis);
  }

  /**
   * @param team the On-Call team handle
   * @param incidentId an incident whose title, evidence, runbook and links go in the page
   */
  record PageRequest(
      @NotBlank @Size(max = 100) String team,
      @Pattern(regexp = "^(low|high)$", message = "must be low or high") String urgency,
      @Size(max = 250) String title,
      @Size(max = 5000) String description,
      String incidentId) {}

  @Operation(summary = "Page an On-Call team (title, or an incident's title, evidence and runbook)")
  @PostMapping("/page")
  @ResponseStatus(HttpStatus.CREATED)
  OnCall.Paged page(@Valid @RequestBody PageRequest request) {
    if (request.title() == null && request.incidentId() == null) {
      throw DatadogFailure.unprocessable("title", "send a title, or an incident_id to page about");
    }
    apis.onCall();
    var incident =
        request.incidentId() == null
            ? null
            : incidents
                .find(request.incidentId())
                .orElseThrow(
                    () -> DatadogFailure.notFound("no incident with id " + request.incidentId()));
    return onCall.page(
        new OnCall.Page(
            request.team(),
            !"low".equals(request.urgency()),
            request.title(),
            request.description(),
            incident));
  }

  @Operation(summary = "Who is on call now for an On-Call schedule (by schedule id)")
  @GetMapping("/current/{schedule}")
  OnCall.OnCallNow current(@PathVariable String schedule) {
    return onCall.current(schedule);
  }
}
