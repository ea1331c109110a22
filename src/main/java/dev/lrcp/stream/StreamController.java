package dev.lrcp.stream;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /insights/stream}: server-sent events, written by the request's own virtual thread
 * straight to the response for as long as the stream lives (no async dispatch, no timeout, no
 * converter per frame). Access rules are the web filter's.
 */
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
  ResponseEntity<ProblemDetail> stream(
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      HttpServletResponse response)
      throws IOException {
    var subscriber = stream.subscribe(lastEventId);
    if (subscriber.isEmpty()) {
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
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    // proxies such as nginx buffer responses unless told not to
    response.setHeader("X-Accel-Buffering", "no");
    subscriber.get().drainTo(response.getOutputStream());
    return null; // the response was written above
  }
}
