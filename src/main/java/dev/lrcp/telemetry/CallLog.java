package dev.lrcp.telemetry;

import ch.qos.logback.classic.spi.LoggingEvent;
import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One structured log event per model call, written while the call's span is active so the agent
 * adds {@code dd.trace_id}/{@code dd.span_id}. Prompt and answer text appear only when {@code
 * lrcp.telemetry.log-text} is on, and then redacted. Under logback the event is built directly
 * (key-values in a list sized once, the message concatenated rather than formatted): it is on the
 * request thread for every call, and the fluent builder copies everything into it anyway.
 */
final class CallLog {

  private static final Logger log = LoggerFactory.getLogger("dev.lrcp.telemetry.calls");

  private final boolean logText;

  CallLog(boolean logText) {
    this.logText = logText;
  }

  /** Text is taken from the request, response and error only when a field needs it. */
  void write(LlmCallCompleted call, LlmRequest request, LlmResponse response, Throwable error) {
    Level level = call.failed() ? Level.WARN : Level.INFO;
    if (!log.isEnabledForLevel(level)) {
      return;
    }
    String outcome = Labels.outcome(call.outcome());
    List<KeyValuePair> fields = fields(call, outcome);
    if (call.failure() != null) {
      fields.add(new KeyValuePair("error_type", Labels.failure(call.failure())));
      optional(fields, "error_message", Redactor.redact(error == null ? null : error.getMessage()));
    }
    if (logText) {
      optional(fields, "prompt", Redactor.redact(request.promptText()));
      optional(fields, "answer", Redactor.redact(response == null ? null : response.text()));
    }
    String message =
        "llm_call "
            + call.endpoint()
            + " "
            + call.model()
            + " "
            + outcome
            + " "
            + call.latencyMs()
            + "ms";
    emit(level, message, fields);
  }

  private static List<KeyValuePair> fields(LlmCallCompleted call, String outcome) {
    var fields = new ArrayList<KeyValuePair>(24);
    fields.add(new KeyValuePair("event", "llm_call"));
    fields.add(new KeyValuePair("prompt_id", call.promptId()));
    fields.add(new KeyValuePair("endpoint", call.endpoint()));
    fields.add(new KeyValuePair("request_type", call.requestType()));
    fields.add(new KeyValuePair("requested_model", call.requestedModel()));
    fields.add(new KeyValuePair("model", call.model()));
    fields.add(new KeyValuePair("provider", call.provider()));
    fields.add(new KeyValuePair("outcome", outcome));
    fields.add(new KeyValuePair("latency_ms", call.latencyMs()));
    fields.add(new KeyValuePair("time_to_first_token_ms", call.timeToFirstTokenMs()));
    fields.add(new KeyValuePair("input_tokens", call.usage().input()));
    fields.add(new KeyValuePair("output_tokens", call.usage().output()));
    fields.add(new KeyValuePair("thinking_tokens", call.usage().thinking()));
    fields.add(new KeyValuePair("cost_usd", call.costUsd()));
    fields.add(new KeyValuePair("retry_count", call.retryCount()));
    fields.add(new KeyValuePair("fallback_used", call.fallbackUsed()));
    if (call.tags() != null) {
      optional(fields, "application", call.tags().application());
      optional(fields, "feature", call.tags().feature());
    }
    return fields;
  }

  private static void emit(Level level, String message, List<KeyValuePair> fields) {
    if (log instanceof ch.qos.logback.classic.Logger logback) {
      var event =
          new LoggingEvent(
              CallLog.class.getName(),
              logback,
              ch.qos.logback.classic.Level.convertAnSLF4JLevel(level),
              message,
              null,
              null);
      event.setKeyValuePairs(fields);
      logback.callAppenders(event);
      return;
    }
    LoggingEventBuilder event = log.atLevel(level).setMessage(message);
    fields.forEach(kv -> event.addKeyValue(kv.key, kv.value));
    event.log();
  }

  private static void optional(List<KeyValuePair> fields, String key, String value) {
    if (value != null) {
      fields.add(new KeyValuePair(key, value));
    }
  }
}
