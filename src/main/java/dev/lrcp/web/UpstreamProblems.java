package dev.lrcp.web;

import dev.lrcp.llm.LlmFailure;

/** Gateway semantics for upstream failures: 429 passthrough, 502 bad upstream, 503, 504. */
final class UpstreamProblems {

  private UpstreamProblems() {}

  /** Exhaustive on purpose: a new failure kind does not compile until it has a status here. */
  static ProblemKind kindOf(LlmFailure failure) {
    return switch (failure) {
      case RATE_LIMITED -> ProblemKind.UPSTREAM_RATE_LIMITED;
      case UPSTREAM_ERROR, MALFORMED_RESPONSE, AUTHENTICATION, INVALID_REQUEST ->
          ProblemKind.UPSTREAM_ERROR;
      case UNAVAILABLE -> ProblemKind.UPSTREAM_UNAVAILABLE;
      case CIRCUIT_OPEN -> ProblemKind.CIRCUIT_OPEN;
      case TIMEOUT -> ProblemKind.UPSTREAM_TIMEOUT;
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
