package dev.lrcp.llm;

/**
 * An upstream call failed. Carries the failure kind, the model and provider involved, and (once the
 * resilience layer has run) how many retries were spent and whether a fallback was tried.
 */
public class LlmException extends RuntimeException {

  private final LlmFailure failure;
  private final String model;
  private final String provider;
  private final int retryCount;
  private final boolean fallbackUsed;

  public LlmException(LlmFailure failure, String model, String provider, String message) {
    this(failure, model, provider, message, null, 0, false);
  }

  public LlmException(
      LlmFailure failure, String model, String provider, String message, Throwable cause) {
    this(failure, model, provider, message, cause, 0, false);
  }

  private LlmException(
      LlmFailure failure,
      String model,
      String provider,
      String message,
      Throwable cause,
      int retryCount,
      boolean fallbackUsed) {
    super(message, cause);
    this.failure = failure;
    this.model = model;
    this.provider = provider;
    this.retryCount = retryCount;
    this.fallbackUsed = fallbackUsed;
  }

  public LlmException withResilience(int retries, boolean fallback) {
    return new LlmException(failure, model, provider, getMessage(), getCause(), retries, fallback);
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
