package dev.lrcp.telemetry;

import java.util.Set;
import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * Applies {@link Redactor} to every string written into a JSON log line (messages, arguments, stack
 * traces), so a key or an address in an exception message never reaches the log pipeline.
 * Correlation ids and timestamps are left alone: a 19-digit span id can pass the card-number check.
 * So are the fields whose values never come from a user: the encoder's own fields and the fixed
 * schema of the {@code llm_call} event ({@link CallLog}), whose values are constants, enum tags or
 * model names checked against the catalog. A new key-value carrying user text must not reuse these
 * names; {@code application}, {@code feature}, {@code error_message}, {@code prompt} and {@code
 * answer} come from callers and are redacted.
 */
public final class RedactingValueMasker implements ValueMasker {

  private static final Set<String> SKIPPED =
      Set.of(
          "timestamp",
          "@timestamp",
          "level",
          "logger_name",
          "thread_name",
          "app",
          "prompt_id",
          "event",
          "endpoint",
          "request_type",
          "requested_model",
          "model",
          "provider",
          "outcome",
          "error_type");

  @Override
  public Object mask(TokenStreamContext context, Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    String field = context == null ? null : context.currentName();
    if (field != null && (field.startsWith("dd.") || SKIPPED.contains(field))) {
      return null;
    }
    String redacted = Redactor.redact(text);
    return redacted.equals(text) ? null : redacted;
  }
}
