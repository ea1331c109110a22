package dev.lrcp.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (raised in filters or by the container) are forwarded to
 * {@code /error}; they leave as the same problem shape, without Boot's default error body.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // a direct request for /error has nothing to report
    int status = code instanceof Integer i ? i : 404;
    Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    ProblemKind kind =
        UnreadableBody.causedByTooLarge(cause)
            ? ProblemKind.PAYLOAD_TOO_LARGE
            : ProblemKind.forStatus(HttpStatusCode.valueOf(status));
    ProblemDetail problem =
        ProblemDetail.forStatus(kind == ProblemKind.PAYLOAD_TOO_LARGE ? 413 : status);
    kind.describe(problem, kind.title());
    problem.setInstance(requestedPath(request));
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  /** The path the client asked for, not the {@code /error} page it was forwarded to. */
  private static URI requestedPath(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
      try {
        return new URI(path);
      } catch (URISyntaxException notAUri) {
        return null; // left out rather than echoed
      }
    }
    return null;
  }
}
