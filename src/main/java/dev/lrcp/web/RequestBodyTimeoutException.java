package dev.lrcp.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The request body was still arriving when its deadline passed (a client sending it slowly). A
 * {@link ResponseStatusException}, so any error handler answers 408, never 500.
 */
class RequestBodyTimeoutException extends ResponseStatusException {

  RequestBodyTimeoutException(Duration timeout) {
    super(
        HttpStatus.REQUEST_TIMEOUT,
        "Request body not complete within " + timeout.toSeconds() + " s of its headers");
  }
}
