package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** The masker's fast paths: which fields it skips, and that every other string is redacted. */
class RedactingValueMaskerTests {

  private final RedactingValueMasker masker = new RedactingValueMasker();

  /** What the masker returns for {@code value} written as field {@code name}; null = unchanged. */
  private Object mask(String name, Object value) {
    try (JsonGenerator generator =
        new JsonFactory().createGenerator(ObjectWriteContext.empty(), new StringWriter())) {
      generator.writeStartObject();
      generator.writeName(name);
      return masker.mask(generator.streamWriteContext(), value);
    }
  }

  @Test
  void redactsSecretsInFreeTextFields() {
    assertThat(mask("error_message", "rejected key sk-proj-abcdefghijklmnopqrstuvwx1234"))
        .isEqualTo("rejected key [REDACTED_API_KEY]");
    assertThat(mask("application", "billing for jane@example.com"))
        .isEqualTo("billing for [REDACTED_EMAIL]");
    assertThat(mask("message", "call +1 415-555-0132 now")).isEqualTo("call [REDACTED_PHONE] now");
    assertThat(mask("stack_trace", "java.lang.IllegalStateException: Bearer abc.def-123456789"))
        .isEqualTo("java.lang.IllegalStateException: Bearer [REDACTED_TOKEN]");
  }

  @Test
  void leavesCleanTextAndNonStringsAlone() {
    assertThat(mask("message", "llm_call /qa gemini-2.5-flash success 412ms")).isNull();
    assertThat(mask("latency_ms", 4111111111111111L)).isNull();
  }

  @Test
  void skipsCorrelationIdsAndFixedSchemaFields() {
    // a 19-digit span id passes the card-number check; ids and fixed fields are never user text
    assertThat(mask("dd.span_id", "4111111111111111111")).isNull();
    assertThat(mask("prompt_id", "4111 1111 1111 1111")).isNull();
    assertThat(mask("model", "gemini-2.5-flash")).isNull();
    assertThat(mask("outcome", "success")).isNull();
  }
}
