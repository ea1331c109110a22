package dev.lrcp.llm;

/**
 * Closed taxonomy of upstream failures. Each kind says whether a retry can help and which HTTP
 * status our API answers with (gateway semantics: 429 passthrough, 502 bad upstream, 503
 * unavailable or circuit open, 504 timeout).
 */
public enum LlmFailure {
  RATE_LIMITED(true, 429),
  UPSTREAM_ERROR(true, 502),
  UNAVAILABLE(true, 503),
  TIMEOUT(true, 504),
  MALFORMED_RESPONSE(false, 502),
  AUTHENTICATION(false, 502),
  INVALID_REQUEST(false, 502),
  CIRCUIT_OPEN(false, 503);

  private final boolean retryable;
  private final int httpStatus;

  LlmFailure(boolean retryable, int httpStatus) {
    this.retryable = retryable;
    this.httpStatus = httpStatus;
  }

  public boolean retryable() {
    return retryable;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Lower-case tag value, e.g. {@code rate_limited}. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Maps an upstream HTTP status to a failure kind; one place for every adapter. */
  public static LlmFailure fromHttpStatus(int status) {
    return switch (status) {
      case 401, 403 -> AUTHENTICATION;
      case 408, 504 -> TIMEOUT;
      case 429 -> RATE_LIMITED;
      case 503 -> UNAVAILABLE;
      default -> status >= 500 ? UPSTREAM_ERROR : INVALID_REQUEST;
    };
  }
}
