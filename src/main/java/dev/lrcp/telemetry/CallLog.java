package dev.lrcp.telemetry;

import dev.lrcp.llm.LlmCallCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One structured log event per model call, written while the call's span is active so the agent
 * adds {@code dd.trace_id}/{@code dd.span_id}. Prompt and answer text appear only when {@code
 * lrcp.telemetry.log-text} is on, and then redacted.
 */
final class CallLog {

  private static final Logger log = LoggerFactory.getLogger("dev.lrcp.telemetry.calls");

  private final boolean logText;

  CallLog(boolean logText) {
    this.logText = logText;
  }

  void write(LlmCallCompleted call, String prompt, String answer, String errorMessage) {
    Level level = call.failed() ? Level.WARN : Level.INFO;
    if (!log.isEnabledForLevel(level)) {
      return;
    }
    LoggingEventBuilder event =
        log.atLevel(level)
            .addKeyValue("event", "llm_call")
            .addKeyValue("prompt_id", call.promptId())
            .addKeyValue("endpoint", call.endpoint())
            .addKeyValue("request_type", call.requestType())
            .addKeyValue("requested_model", call.requestedModel())
            .addKeyValue("model", call.model())
            .addKeyValue("provider", call.provider())
            .addKeyValue("outcome", call.outcome().tag())
            .addKeyValue("latency_ms", call.latencyMs())
            .addKeyValue("time_to_first_token_ms", call.timeToFirstTokenMs())
            .addKeyValue("input_tokens", call.usage().input())
            .addKeyValue("output_tokens", call.usage().output())
            .addKeyValue("thinking_tokens", call.usage().thinking())
            .addKeyValue("cost_usd", call.costUsd())
            .addKeyValue("retry_count", call.retryCount())
            .addKeyValue("fallback_used", call.fallbackUsed());
    if (call.tags() != null) {
      optional(event, "application", call.tags().application());
      optional(event, "feature", call.tags().feature());
    }
    if (call.failure() != null) {
      event = event.addKeyValue("error_type", call.failure().tag());
      optional(event, "error_message", Redactor.redact(errorMessage));
    }
    if (logText) {
      optional(event, "prompt", Redactor.redact(prompt));
      optional(event, "answer", Redactor.redact(answer));
    }
    event.log(
        "llm_call {} {} {} {}ms",
        call.endpoint(),
        call.model(),
        call.outcome().tag(),
        call.latencyMs());
  }

  private static void optional(LoggingEventBuilder event, String key, String value) {
    if (value != null) {
      event.addKeyValue(key, value);
    }
  }
}
