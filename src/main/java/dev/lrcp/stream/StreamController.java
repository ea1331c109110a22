package dev.lrcp.stream;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/** {@code GET /insights/stream}: server-sent events; access rules are the web filter's. */
@RestController
class StreamController {

  private final InsightsStream stream;

  StreamController(InsightsStream stream) {
    this.stream = stream;
  }

  @Operation(
      summary =
          "Live push stream (server-sent events): health every second, incident opened, updated"
              + " and resolved; resumes after Last-Event-ID")
  @GetMapping(
      path = "/insights/stream",
      produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<?> stream(
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    // no timeout: the stream lives until the client leaves or the service stops
    var emitter = new ResponseBodyEmitter(0L);
    if (stream.subscribe(emitter, lastEventId).isEmpty()) {
      var problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Too many open streams ("
                  + InsightsStream.MAX_SUBSCRIBERS
                  + "); retry later or poll GET /insights/health-score and GET /incidents");
      problem.setType(URI.create("urn:lrcp:problem:stream-full"));
      problem.setTitle("Too many streams");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "10")
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .cacheControl(CacheControl.noStore())
        // proxies such as nginx buffer responses unless told not to
        .header("X-Accel-Buffering", "no")
        .body(emitter);
  }
}
