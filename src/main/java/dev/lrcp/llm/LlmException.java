package dev.lrcp.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * An upstream call failed. Carries the failure kind, the model and provider involved, and (once the
 * resilience layer has run) how many retries were spent and whether a fallback was tried. A failure
 * whose upstream said when to come back ({@code Retry-After}) carries that wait.
 */
public class LlmException extends RuntimeException {

  private final LlmFailure failure;
  private final String model;
  private final String provider;
  private final int retryCount;
  private final boolean fallbackUsed;
  private final Duration retryAfter;

  public LlmException(LlmFailure failure, String model, String provider, String message) {
    this(failure, model, provider, message, null, 0, false, null);
  }

  public LlmException(
      LlmFailure failure, String model, String provider, String message, Throwable cause) {
    this(failure, model, provider, message, cause, 0, false, null);
  }

  private LlmException(
      LlmFailure failure,
      String model,
      String provider,
      String message,
      Throwable cause,
      int retryCount,
      boolean fallbackUsed,
      Duration retryAfter) {
    super(message, cause);
    this.failure = failure;
    this.model = model;
    this.provider = provider;
    this.retryCount = retryCount;
    this.fallbackUsed = fallbackUsed;
    this.retryAfter = retryAfter;
  }

  public LlmException withResilience(int retries, boolean fallback) {
    return new LlmException(
        failure, model, provider, getMessage(), getCause(), retries, fallback, retryAfter);
  }

  /** The same failure, with the upstream's wait before the next try; null or negative: none. */
  public LlmException withRetryAfter(Duration wait) {
    Duration kept = wait == null || wait.isNegative() ? null : wait;
    return new LlmException(
        failure, model, provider, getMessage(), getCause(), retryCount, fallbackUsed, kept);
  }

  /** How long the upstream asked us to wait before trying this model again, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public LlmFailure failure() {
    return failure;
  }

  public String model() {
    return model;
  }

  public String provider() {
    return provider;
  }

  public int retryCount() {
    return retryCount;
  }

  public boolean fallbackUsed() {
    return fallbackUsed;
  }
}
