package dev.lrcp.datadog.action;

import dev.lrcp.datadog.MetricCatalog;
import dev.lrcp.incident.Incidents;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Datadog notebooks built from the service's own data: one per incident, one per cost window. */
@RestController
@RequestMapping("/datadog/notebooks")
class NotebookController {

  private final Incidents incidents;
  private final DatadogApis apis;
  private final NotebookPublisher publisher;
  private final RcaNotebook rca;
  private final CostNotebook cost;
  private final Clock clock;

  NotebookController(Incidents incidents, DatadogApis apis, Clock clock) {
    this.incidents = incidents;
    this.apis = apis;
    this.clock = clock;
    this.publisher = new NotebookPublisher(apis);
    var scopes = new Scopes(apis.account(), MetricCatalog.fromClasspath());
    this.rca = new RcaNotebook(apis.account(), scopes);
    this.cost = new CostNotebook(apis.account(), scopes);
  }

  record RcaRequest(@NotBlank String incidentId) {}

  /**
   * @param window how far back, {@code 1h} to {@code 30d}
   * @param recommendationId not supported: a recommendation's evidence, estimate and measured ROI
   *     are served by {@code GET /optimization/recommendations/{id}}, not built into a notebook
   */
  record CostRequest(
      @Pattern(
              regexp =
                  "^([1-9]|[1-9][0-9]|[1-6][0-9][0-9]|7[01][0-9]|720)h$|^([1-9]|[12][0-9]|30)d$",
              message = "must be 1h..720h or 1d..30d")
          String window,
      String recommendationId) {}

  @Operation(
      summary =
          "Root-cause notebook of an incident: evidence, attribution, runbook, scoped graphs, spans and logs")
  @PostMapping("/root-cause-analysis")
  ResponseEntity<NotebookPublisher.Published> rootCause(@Valid @RequestBody RcaRequest request) {
    apis.api(); // no keys: nothing is looked up or built
    var incident =
        incidents
            .find(request.incidentId())
            .orElseThrow(
                () -> DatadogFailure.notFound("no incident with id " + request.incidentId()));
    var published =
        publisher.publish(RcaNotebook.namePrefix(incident), rca.build(incident, clock.instant()));
    return respond(published);
  }

  @Operation(summary = "Cost-optimisation notebook over a window (default 7d)")
  @PostMapping("/cost-optimization")
  ResponseEntity<NotebookPublisher.Published> costOptimization(
      @Valid @RequestBody CostRequest request) {
    if (request.recommendationId() != null) {
      throw DatadogFailure.unprocessable(
          "recommendation_id",
          "the cost notebook covers a window, not one recommendation: send window (e.g. \"7d\");"
              + " a recommendation's evidence, estimate and measured ROI are at GET"
              + " /optimization/recommendations/{id}");
    }
    apis.api();
    String window = request.window() == null ? "7d" : request.window();
    var published =
        publisher.publish(cost.name(window), cost.build(window, length(window), clock.instant()));
    return respond(published);
  }

  private static Duration length(String window) {
    long n = Long.parseLong(window.substring(0, window.length() - 1));
    return window.endsWith("d") ? Duration.ofDays(n) : Duration.ofHours(n);
  }

  private static ResponseEntity<NotebookPublisher.Published> respond(
      NotebookPublisher.Published published) {
    return ResponseEntity.status(published.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(published);
  }
}
