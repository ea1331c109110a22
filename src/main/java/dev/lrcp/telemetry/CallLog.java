package dev.lrcp.telemetry;

import ch.qos.logback.classic.spi.LoggingEvent;
import dev.lrcp.flow.Attempt;
import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.Message;
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

  /** Text is taken from the request, answer and error only when a field needs it. */
  void write(Call call, Attempt a, Throwable error) {
    Level level = a.answered() ? Level.INFO : Level.WARN;
    if (!log.isEnabledForLevel(level)) {
      return;
    }
    String outcome = Labels.outcome(a.outcome());
    List<KeyValuePair> fields = fields(call, a, outcome);
    if (!a.answered()) {
      fields.add(new KeyValuePair("error_type", Labels.failure(a.failure().failure())));
      optional(fields, "error_message", Redactor.redact(error == null ? null : error.getMessage()));
    }
    if (logText) {
      optional(fields, "prompt", Redactor.redact(promptText(call)));
      optional(fields, "answer", Redactor.redact(a.answered() ? a.response().text() : null));
    }
    String message =
        "llm_call "
            + call.request().endpoint()
            + " "
            + a.model()
            + " "
            + outcome
            + " "
            + a.latencyMs()
            + "ms";
    emit(level, message, fields);
  }

  private static List<KeyValuePair> fields(Call call, Attempt a, String outcome) {
    var request = call.request();
    var usage = a.usage();
    var fields = new ArrayList<KeyValuePair>(24);
    fields.add(new KeyValuePair("event", "llm_call"));
    fields.add(new KeyValuePair("prompt_id", call.promptId()));
    fields.add(new KeyValuePair("endpoint", request.endpoint()));
    fields.add(new KeyValuePair("request_type", request.requestType()));
    fields.add(new KeyValuePair("requested_model", a.requestedModel()));
    fields.add(new KeyValuePair("model", a.model()));
    fields.add(new KeyValuePair("provider", a.provider()));
    fields.add(new KeyValuePair("outcome", outcome));
    fields.add(new KeyValuePair("latency_ms", a.latencyMs()));
    fields.add(new KeyValuePair("time_to_first_token_ms", a.ttftMs()));
    fields.add(new KeyValuePair("input_tokens", usage.input()));
    fields.add(new KeyValuePair("output_tokens", usage.output()));
    fields.add(new KeyValuePair("thinking_tokens", usage.thinking()));
    fields.add(new KeyValuePair("cost_usd", a.costUsd()));
    fields.add(new KeyValuePair("retry_count", a.retryCount()));
    fields.add(new KeyValuePair("fallback_used", a.fallbackUsed()));
    fields.add(new KeyValuePair("traffic", request.injected() ? "injected" : "organic"));
    optional(fields, "application", request.tags().application());
    optional(fields, "feature", request.tags().feature());
    security(fields, call.security());
    routing(fields, call.routing());
    return fields;
  }

  /** The scan's verdict, for the security log pipeline (datadog/logs-pipelines/security.json). */
  private static void security(List<KeyValuePair> fields, CallRecord.Security scan) {
    if (scan == null) {
      return;
    }
    fields.add(new KeyValuePair("injection_score", scan.injectionScore()));
    fields.add(new KeyValuePair("injection_flagged", scan.injectionFlag()));
    fields.add(new KeyValuePair("token_abuse", scan.tokenAbuse()));
    if (!scan.piiTypes().isEmpty()) {
      fields.add(new KeyValuePair("pii_types", String.join(",", scan.piiTypes())));
    }
  }

  /** The routing decision as it stands after this attempt (its savings include it). */
  private static void routing(List<KeyValuePair> fields, CallRecord.Routing routing) {
    if (routing == null) {
      return;
    }
    fields.add(new KeyValuePair("routing_policy", routing.policy()));
    fields.add(new KeyValuePair("routing_reason", routing.reason()));
    optional(fields, "routing_escalation", routing.escalation());
    optional(fields, "routing_override", routing.overrideId());
    if (routing.referenceModel() != null) {
      fields.add(new KeyValuePair("routing_reference_model", routing.referenceModel()));
      fields.add(new KeyValuePair("routing_savings_usd", routing.savingsUsd()));
    }
  }

  private static String promptText(Call call) {
    return String.join("\n", call.request().messages().stream().map(Message::content).toList());
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
