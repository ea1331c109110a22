package dev.lrcp.llm.gemini;

import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.RetryAfter;
import java.io.InterruptedIOException;

/** Classifies what the SDK throws; HTTP statuses go through the shared mapper. */
final class GeminiFailures {

  private GeminiFailures() {}

  static LlmException map(RuntimeException e, String model, String provider) {
    if (e instanceof LlmException already) {
      return already;
    }
    LlmFailure kind;
    String message;
    if (e instanceof ApiException api) {
      kind = LlmFailure.fromHttpStatus(api.code());
      message = "HTTP " + api.code() + " " + api.status();
    } else if (causedBy(e, InterruptedIOException.class)) {
      kind = LlmFailure.TIMEOUT; // SocketTimeoutException and OkHttp's call timeout
      message = "upstream timed out";
    } else if (causedBy(e, com.fasterxml.jackson.core.JacksonException.class)) {
      kind = LlmFailure.MALFORMED_RESPONSE;
      message = "response is not valid JSON";
    } else if (e instanceof GenAiIOException) {
      kind = LlmFailure.UNAVAILABLE;
      message = "upstream unreachable";
    } else {
      kind = LlmFailure.MALFORMED_RESPONSE;
      message = "unexpected response: " + e.getClass().getSimpleName();
    }
    var failure = new LlmException(kind, model, provider, message, e);
    // the SDK keeps no headers; Gemini names the wait in its quota message instead
    return e instanceof ApiException api
        ? failure.withRetryAfter(RetryAfter.fromMessage(api.message()).orElse(null))
        : failure;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
