package dev.lrcp.flow;

import dev.lrcp.llm.LlmException;

/**
 * The model call failed after the resilience layer gave up. Wraps the classified failure with the
 * prompt id, which the error response must carry; the HTTP status is the failure kind's own ({@link
 * dev.lrcp.llm.LlmFailure#httpStatus()}).
 */
public class CallFailedException extends RuntimeException {

  private final String promptId;
  private final LlmException failure;

  CallFailedException(String promptId, LlmException failure) {
    super(failure.getMessage(), failure);
    this.promptId = promptId;
    this.failure = failure;
  }

  public String promptId() {
    return promptId;
  }

  public LlmException failure() {
    return failure;
  }
}
