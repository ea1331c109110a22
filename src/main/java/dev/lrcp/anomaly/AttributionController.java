package dev.lrcp.anomaly;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.storage.CallRecordRepository;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Attribution over stored call records (the original ran heuristics over simulated numbers). */
@RestController
class AttributionController {

  private static final Duration MAX_SPAN = Duration.ofDays(8);

  private final CallRecordRepository records;
  private final Clock clock;
  private final AnomalyAttributor attributor = AnomalyAttributor.standard();

  AttributionController(CallRecordRepository records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  record Response(
      String metric,
      String window,
      String baselineWindow,
      AttributionRequest.Scope scope,
      int baselineRequests,
      int currentRequests,
      Attribution attribution,
      Instant generatedAt) {}

  @PostMapping(path = "/optimization/anomaly/attribute", params = "!metric_name")
  Response attribute(@Valid @RequestBody AttributionRequest request) {
    Duration window = duration(request.window(), Duration.ofHours(1));
    Duration baseline = duration(request.baseline(), Duration.ofHours(24));
    Instant now = clock.instant();
    return attribute(request.metric(), request.scope(), now.minus(window), now, baseline);
  }

  /**
   * The original's form: query parameters, the analysis window {@code analysis_window_hours} either
   * side of {@code anomaly_timestamp} (default now; never past now), the baseline the {@code
   * baseline_period_hours} before it.
   */
  @PostMapping(path = "/optimization/anomaly/attribute", params = "metric_name")
  Response attributeByQuery(
      @RequestParam(name = "metric_name") String metric,
      @RequestParam(name = "anomaly_timestamp", required = false) String timestamp,
      @RequestParam(name = "baseline_period_hours", defaultValue = "24") int baselineHours,
      @RequestParam(name = "analysis_window_hours", defaultValue = "1") int windowHours) {
    if (baselineHours < 1 || windowHours < 1) {
      throw new IllegalArgumentException(
          "baseline_period_hours and analysis_window_hours must be positive");
    }
    Instant now = clock.instant();
    Instant at = timestamp == null ? now : timestamp(timestamp);
    Duration window = Duration.ofHours(windowHours);
    Instant end = at.plus(window).isAfter(now) ? now : at.plus(window);
    return attribute(metric, null, at.minus(window), end, Duration.ofHours(baselineHours));
  }

  private Response attribute(
      String metric,
      AttributionRequest.Scope scope,
      Instant split,
      Instant end,
      Duration baseline) {
    var measure =
        Measure.byName(metric)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown metric " + metric + "; one of " + Measure.names()));
    Duration window = Duration.between(split, end);
    if (!window.isPositive()) {
      throw new IllegalArgumentException("anomaly_timestamp must not be in the future");
    }
    if (window.plus(baseline).compareTo(MAX_SPAN) > 0) {
      throw new IllegalArgumentException("window plus baseline must not exceed 8 days");
    }
    var current = within(records.between(split, end), scope);
    var before = within(records.between(split.minus(baseline), split), scope);
    var attribution =
        attributor.attribute(
            before, current, (double) window.toMillis() / baseline.toMillis(), measure);
    return new Response(
        measure.metric(),
        label(window),
        label(baseline),
        scope,
        before.size(),
        current.size(),
        attribution,
        clock.instant());
  }

  private static Instant timestamp(String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException offsetMissing) {
      try {
        return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(
            "anomaly_timestamp must be an ISO-8601 time, e.g. 2026-12-01T10:00:00Z");
      }
    }
  }

  private static List<CallRecord> within(List<CallRecord> calls, AttributionRequest.Scope scope) {
    if (scope == null) {
      return calls;
    }
    return calls.stream()
        .filter(c -> scope.endpoint() == null || scope.endpoint().equals(c.endpoint()))
        .filter(c -> scope.model() == null || scope.model().equals(c.model()))
        .toList();
  }

  static Duration duration(String text, Duration fallback) {
    if (text == null) {
      return fallback;
    }
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    Duration d =
        switch (text.charAt(text.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.isZero()) {
      throw new IllegalArgumentException("durations must be positive");
    }
    return d;
  }

  private static String label(Duration d) {
    return d.toSeconds() % 3600 == 0
        ? d.toHours() + "h"
        : d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badInput(IllegalArgumentException e) {
    return problem(e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
    return problem("request body is not valid JSON for this endpoint");
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    return problem(
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> snake(f.getField()) + " " + f.getDefaultMessage())
            .sorted()
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid body"));
  }

  private static ProblemDetail problem(String detail) {
    var p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setType(URI.create("urn:lrcp:problem:validation"));
    p.setTitle("Invalid request");
    return p;
  }

  /** Field names as the client sent them (the API is snake_case). */
  static String snake(String field) {
    return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }
}
