package dev.lrcp.web;

/** The request body grew past the configured limit while being read (chunked uploads). */
class RequestTooLargeException extends RuntimeException {

  RequestTooLargeException(long limit) {
    super("Request body exceeds " + limit + " bytes");
  }
}
