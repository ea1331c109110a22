package dev.lrcp.security;

/** The security block policy refused the request before any model was called. */
public class PolicyBlockedException extends RuntimeException {

  private final String promptId;
  private final String reason;

  PolicyBlockedException(String promptId, String reason) {
    super("blocked by policy: " + reason);
    this.promptId = promptId;
    this.reason = reason;
  }

  public String promptId() {
    return promptId;
  }

  public String reason() {
    return reason;
  }
}
