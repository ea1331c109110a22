package dev.lrcp.admission;

import java.util.Locale;
import java.util.Map;

/**
 * The admit stage refused a call, before any model was called: the reason decides the status, the
 * message names what was exceeded (which limit of which key or application, or which model), and
 * {@code details} carry the same as fields for clients.
 */
public class AdmissionRefusedException extends RuntimeException {

  /** Why a call was refused; each has its status. */
  public enum Reason {
    /** The key was revoked or expired after the transport accepted it. */
    KEY_REJECTED(401),
    /** The key may not call this model. */
    MODEL_NOT_ALLOWED(403),
    /** A budget in USD has no room left for the call's worst-case cost. */
    BUDGET_EXCEEDED(429),
    /** A requests-per-minute limit. */
    REQUESTS_PER_MINUTE(429),
    /** A tokens-per-minute limit. */
    TOKENS_PER_MINUTE(429),
    /** The shared ledger could not be reached to extend this replica's lease. */
    LEDGER_UNAVAILABLE(503);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }

    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;
  private final Long retryAfterSeconds;
  private final transient Map<String, Object> details;

  AdmissionRefusedException(
      Reason reason, String message, Long retryAfterSeconds, Map<String, Object> details) {
    super(message, null, false, false);
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
    this.details = Map.copyOf(details);
  }

  public Reason reason() {
    return reason;
  }

  /** Seconds until the exceeded window resets, or null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** What was exceeded, as fields: {@code scope}, {@code limit}, {@code window}, {@code model}. */
  public Map<String, Object> details() {
    return details;
  }
}
