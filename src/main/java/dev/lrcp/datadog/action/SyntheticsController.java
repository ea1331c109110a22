package dev.lrcp.datadog.action;

import dev.lrcp.incident.IncidentProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Datadog Synthetic API tests: Datadog's locations call the URL, this service never does. */
@RestController
@RequestMapping("/datadog/synthetics")
class SyntheticsController {

  private static final String HTTP_URL = "^https?://[^\\s/?#]+[^\\s]*$";

  private final SyntheticTests tests;

  SyntheticsController(DatadogApis apis, IncidentProperties incidents) {
    String app = apis.account().appUrl();
    String dashboard =
        incidents.dashboardId() == null || incidents.dashboardId().isBlank()
            ? app + "/dashboard/lists"
            : app + "/dashboard/" + incidents.dashboardId();
    this.tests = new SyntheticTests(apis, dashboard);
  }

  record HealthCheckRequest(
      @NotBlank @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL")
          String serviceUrl) {}

  /**
   * @param frequency seconds between runs, Datadog's range
   */
  record TestRequest(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String url,
      @Pattern(
              regexp = "^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$",
              message = "must be an HTTP method")
          String method,
      @Min(30) @Max(604800) Integer frequency) {}

  @Operation(
      summary =
          "Create (or update) the API test on <service_url>/health, from datadog/synthetics/health.json")
  @PostMapping("/health-check")
  ResponseEntity<SyntheticTests.Saved> healthCheck(@Valid @RequestBody HealthCheckRequest request) {
    return respond(tests.healthCheck(URI.create(request.serviceUrl())));
  }

  @Operation(summary = "Create (or update, by name) an API test: 200 within 2 s from 3 locations")
  @PostMapping("/tests")
  ResponseEntity<SyntheticTests.Saved> create(@Valid @RequestBody TestRequest request) {
    return respond(
        tests.create(
            request.name(),
            request.url(),
            request.method() == null ? "GET" : request.method(),
            request.frequency() == null ? 300 : request.frequency()));
  }

  @Operation(summary = "The synthetic tests of the Datadog organisation")
  @GetMapping("/tests")
  List<SyntheticTests.Listed> list() {
    return tests.list();
  }

  private static ResponseEntity<SyntheticTests.Saved> respond(SyntheticTests.Saved saved) {
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
  }
}
