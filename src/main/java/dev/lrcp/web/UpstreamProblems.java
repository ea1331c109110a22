package dev.lrcp.web;

import dev.lrcp.llm.LlmFailure;

/** Gateway semantics for upstream failures: 429 passthrough, 502 bad upstream, 503, 504. */
final class UpstreamProblems {

  private UpstreamProblems() {}

  /**
   * The problem kind of a failure, chosen by the status the failure kind itself decides ({@link
   * LlmFailure#httpStatus()}); an open circuit is its own kind of 503.
   */
  static ProblemKind kindOf(LlmFailure failure) {
    if (failure == LlmFailure.CIRCUIT_OPEN) {
      return ProblemKind.CIRCUIT_OPEN;
    }
    return switch (failure.httpStatus()) {
      case 429 -> ProblemKind.UPSTREAM_RATE_LIMITED;
      case 503 -> ProblemKind.UPSTREAM_UNAVAILABLE;
      case 504 -> ProblemKind.UPSTREAM_TIMEOUT;
      default -> ProblemKind.UPSTREAM_ERROR;
    };
  }

  /** What the caller may read: the kind, never the provider's raw message (may echo secrets). */
  static String detail(LlmFailure failure, String model) {
    String what =
        switch (failure) {
          case RATE_LIMITED -> "The model provider is rate limiting requests";
          case UPSTREAM_ERROR -> "The model provider returned an error";
          case MALFORMED_RESPONSE -> "The model provider returned a malformed response";
          case AUTHENTICATION -> "The model provider rejected our credentials";
          case INVALID_REQUEST -> "The model provider rejected the request";
          case UNAVAILABLE -> "The model provider is unavailable";
          case CIRCUIT_OPEN -> "Calls to this model are paused after repeated failures";
          case TIMEOUT -> "The model provider did not answer in time";
        };
    return what + (model == null ? "" : " (model " + model + ")");
  }
}
