package dev.lrcp.datadog.action;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders a {@link DatadogFailure} as an RFC 9457 problem. Ahead of the service-wide handler, which
 * would otherwise take it for an unexpected error.
 */
@RestControllerAdvice(basePackageClasses = ActionProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActionProblems {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> failed(DatadogFailure e) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            org.springframework.http.HttpStatusCode.valueOf(e.status()), e.getMessage());
    problem.setType(URI.create("urn:lrcp:problem:" + e.kind()));
    problem.setTitle(e.title());
    e.properties().forEach(problem::setProperty);
    var response = ResponseEntity.status(e.status());
    if (e.retryAfterSeconds() != null) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
    }
    return response.body(problem);
  }
}
