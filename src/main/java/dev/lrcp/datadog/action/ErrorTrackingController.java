package dev.lrcp.datadog.action;

import dev.lrcp.telemetry.DatadogProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Errors sent to Datadog Error Tracking, and its issues for this service read back. */
@RestController
@RequestMapping("/datadog/error-tracking")
class ErrorTrackingController {

  private final ErrorTracking errors;
  private final Clock clock;

  ErrorTrackingController(DatadogApis apis, DatadogProperties dd, Clock clock) {
    this.errors = new ErrorTracking(apis, dd.version());
    this.clock = clock;
  }

  /**
   * @param stack a stack trace; Error Tracking groups better with one
   * @param severity the log status: error (default) or critical
   */
  record TrackRequest(
      @NotBlank @Size(max = 200) String errorType,
      @NotBlank @Size(max = 5000) String errorMessage,
      @Size(max = 50_000) String stack,
      @Pattern(regexp = "^(error|critical)$", message = "must be error or critical")
          String severity,
      @Size(max = 200) String userId,
      Map<String, Object> context) {}

  record Tracked(String errorType, String service, String status) {}

  @Operation(
      summary =
          "Send an error to Datadog Error Tracking (a log with error.kind, error.message, error.stack)")
  @PostMapping("/track")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Tracked track(@Valid @RequestBody TrackRequest request) {
    String severity = request.severity() == null ? "error" : request.severity();
    errors.track(
        new ErrorTracking.Report(
            request.errorType(),
            request.errorMessage(),
            request.stack(),
            severity,
            request.userId(),
            request.context()));
    return new Tracked(request.errorType(), errors.service(), severity);
  }

  @Operation(summary = "Error Tracking issues of this service over the last hours (1..720)")
  @GetMapping("/summary")
  ErrorTracking.Summary summary(
      @RequestParam(defaultValue = "24") @Min(1) @Max(720) int hours,
      @RequestParam(name = "error_type", required = false) String errorType) {
    return errors.summary(hours, errorType, clock.instant());
  }
}
