package dev.lrcp.web;

import java.time.Duration;

/** The request body was still arriving when its deadline passed (a client sending it slowly). */
class RequestBodyTimeoutException extends RuntimeException {

  RequestBodyTimeoutException(Duration timeout) {
    super("Request body not complete within " + timeout.toSeconds() + " s of its headers");
  }
}
