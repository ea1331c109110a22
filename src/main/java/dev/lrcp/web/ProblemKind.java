package dev.lrcp.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of problem this API answers with. The {@code type} URI is stable and documented
 * ({@code urn:lrcp:problem:<kind>}); clients switch on it, not on the title or detail.
 */
enum ProblemKind {
  VALIDATION(400, "Invalid request"),
  BAD_REQUEST(400, "Bad request"),
  UNAUTHORIZED(401, "Unauthorized"),
  FORBIDDEN(403, "Forbidden"),
  MODEL_NOT_ALLOWED(403, "Model not allowed for this key"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  REQUEST_TIMEOUT(408, "Request not complete in time"),
  PAYLOAD_TOO_LARGE(413, "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  UNPROCESSABLE(422, "Unprocessable request"),
  BLOCKED_BY_POLICY(422, "Blocked by security policy"),
  BUDGET_EXCEEDED(429, "Budget exceeded"),
  RATE_LIMITED(429, "Rate limit exceeded"),
  UPSTREAM_RATE_LIMITED(429, "Upstream rate limited"),
  INTERNAL(500, "Internal error"),
  NOT_IMPLEMENTED(501, "Not implemented"),
  UPSTREAM_ERROR(502, "Upstream error"),
  UPSTREAM_UNAVAILABLE(503, "Upstream unavailable"),
  CIRCUIT_OPEN(503, "Circuit open"),
  ADMISSION_UNAVAILABLE(503, "Limits cannot be checked"),
  STORAGE_UNAVAILABLE(503, "Storage unavailable"),
  UPSTREAM_TIMEOUT(504, "Upstream timeout"),
  HTTP_VERSION_NOT_SUPPORTED(505, "HTTP version not supported");

  static final String TYPE_PREFIX = "urn:lrcp:problem:";

  private final int status;
  private final String title;

  ProblemKind(int status, String title) {
    this.status = status;
    this.title = title;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  /** e.g. {@code upstream-rate-limited}. */
  String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  URI type() {
    return URI.create(TYPE_PREFIX + slug());
  }

  ProblemDetail problem(String detail) {
    return describe(ProblemDetail.forStatus(status), detail);
  }

  /** Gives a problem Spring created (status already set) our type and title. */
  ProblemDetail describe(ProblemDetail problem, String detail) {
    problem.setType(type());
    problem.setTitle(title);
    problem.setDetail(detail);
    return problem;
  }

  /** The kind for a status Spring or the servlet container chose (framework exceptions). */
  static ProblemKind forStatus(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 408 -> REQUEST_TIMEOUT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> UNPROCESSABLE;
      case 501 -> NOT_IMPLEMENTED;
      case 505 -> HTTP_VERSION_NOT_SUPPORTED;
      default -> status.is4xxClientError() ? BAD_REQUEST : INTERNAL;
    };
  }
}
