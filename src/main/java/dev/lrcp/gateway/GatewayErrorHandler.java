package dev.lrcp.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * OpenAI-shape errors for the gateway controller only: OpenAI SDKs parse {@code error.message} and
 * {@code error.code}, not RFC 9457. Ordered first so the service-wide ProblemDetail advice never
 * sees gateway exceptions.
 */
@RestControllerAdvice(assignableTypes = GatewayController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

  @ExceptionHandler(GatewayException.class)
  ResponseEntity<OpenAiError> gateway(GatewayException e) {
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(e.body());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<OpenAiError> unreadable(HttpMessageNotReadableException e) {
    return gateway(GatewayException.unreadable());
  }

  /**
   * Spring's own 4xx (wrong media type or method) keep their status; anything else is our defect:
   * logged, and answered as a 500 in the same shape rather than leaking a stack trace.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<OpenAiError> other(Exception e) {
    if (e instanceof ErrorResponse spring) {
      return ResponseEntity.status(spring.getStatusCode())
          .contentType(MediaType.APPLICATION_JSON)
          .body(OpenAiError.of(spring.getBody().getDetail(), "invalid_request_error", null, null));
    }
    log.error("gateway request failed", e);
    return gateway(GatewayException.internal());
  }
}
