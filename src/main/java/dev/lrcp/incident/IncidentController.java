package dev.lrcp.incident;

import dev.lrcp.llm.CallTags;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The incident API; paths as in the original ({@code /incidents/create}, {@code /status}). */
@RestController
@RequestMapping("/incidents")
class IncidentController {

  private static final Set<String> STATUSES =
      Set.of(Incident.OPEN, Incident.ACKNOWLEDGED, Incident.RESOLVED);

  private final Incidents incidents;
  private final SinkStatus sinkStatus;
  private final IncidentActions actions;

  IncidentController(Incidents incidents, SinkStatus sinkStatus, IncidentActions actions) {
    this.incidents = incidents;
    this.sinkStatus = sinkStatus;
    this.actions = actions;
  }

  /**
   * Body of {@code POST /incidents/{id}/actions/{step}}, optional.
   *
   * @param ttl ISO-8601 duration of the routing overrides (default 30 minutes)
   */
  record ActionRequest(String ttl) {}

  /** Carries out a runbook step's action now; the timeline and {@code actions} show it. */
  @PostMapping("/{id}/actions/{step}")
  ResponseEntity<Incident> apply(
      @PathVariable String id,
      @PathVariable int step,
      @RequestBody(required = false) ActionRequest body,
      CallTags caller) {
    Duration ttl = IncidentActions.DEFAULT_TTL;
    if (body != null && body.ttl() != null && !body.ttl().isBlank()) {
      try {
        ttl = Duration.parse(body.ttl().strip());
      } catch (DateTimeParseException e) {
        throw new BadRequest("ttl: '" + body.ttl() + "' is not an ISO-8601 duration such as PT30M");
      }
    }
    Incident applied = actions.apply(id, step, ttl, caller.client());
    return ResponseEntity.created(URI.create("/incidents/" + id)).body(applied);
  }

  @GetMapping
  Incidents.Page list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (status != null && !STATUSES.contains(status)) {
      throw new BadRequest("status must be one of open, acknowledged, resolved");
    }
    if (page < 0 || size < 1 || size > 100) {
      throw new BadRequest("page must be >= 0 and size between 1 and 100");
    }
    return incidents.list(status, page, size);
  }

  @GetMapping("/status")
  Map<String, Object> status() {
    return sinkStatus.report();
  }

  @GetMapping("/{id}")
  Incident get(@PathVariable String id) {
    return incidents.find(id).orElseThrow(() -> new NotFound(id));
  }

  @PostMapping("/{id}/acknowledge")
  Incident acknowledge(@PathVariable String id) {
    return incidents.acknowledge(id).orElseThrow(() -> new NotFound(id));
  }

  @PostMapping("/{id}/resolve")
  Incident resolve(@PathVariable String id) {
    return incidents.resolve(id).orElseThrow(() -> new NotFound(id));
  }

  @PostMapping("/create")
  ResponseEntity<Map<String, Object>> create(@Valid @RequestBody ManualIncidentRequest request) {
    var incident = incidents.open(request);
    var body = new LinkedHashMap<String, Object>();
    body.put("success", true);
    body.put("incident", incident);
    body.put("message", "Incident created successfully");
    return ResponseEntity.created(URI.create("/incidents/" + incident.id())).body(body);
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(NotFound e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Incident not found", e.getMessage());
  }

  @ExceptionHandler(IncidentActions.Refused.class)
  ProblemDetail refused(IncidentActions.Refused e) {
    return switch (e.status) {
      case 404 -> problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
      case 409 -> problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
      default ->
          problem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "unprocessable",
              "Unprocessable request",
              e.getMessage());
    };
  }

  @ExceptionHandler(BadRequest.class)
  ProblemDetail badRequest(BadRequest e) {
    return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "validation",
        "Invalid request",
        "request body is not valid JSON for this endpoint");
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    String detail =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> snake(f.getField()) + " " + f.getDefaultMessage())
            .sorted()
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid body");
    return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
  }

  static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
    var p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("urn:lrcp:problem:" + kind));
    p.setTitle(title);
    return p;
  }

  static final class NotFound extends RuntimeException {
    NotFound(String id) {
      super("no incident with id " + id);
    }
  }

  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  /** Field names as the client sent them (the API is snake_case). */
  static String snake(String field) {
    return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }
}
