package dev.lrcp.quality;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad bodies on {@code /quality/score} become {@code urn:lrcp:problem:validation} (400). Scoped to
 * this package's controller so it cannot shadow the application-wide advice for other endpoints.
 */
@RestControllerAdvice(assignableTypes = QualityController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class QualityProblems {

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    String detail =
        e.getBindingResult().getAllErrors().stream()
            .map(
                err ->
                    err instanceof FieldError f
                        ? f.getField() + ": " + f.getDefaultMessage()
                        : err.getDefaultMessage())
            .sorted()
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
    return validation(detail);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return validation("request body is not valid JSON for this endpoint");
  }

  private static ProblemDetail validation(String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setType(URI.create("urn:lrcp:problem:validation"));
    p.setTitle("Invalid request");
    return p;
  }
}
