package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTests {

  @Test
  void redactsEmailAddresses() {
    assertThat(Redactor.redact("write to jane.doe+x@example.co.uk today"))
        .isEqualTo("write to [REDACTED_EMAIL] today");
  }

  @Test
  void redactsCardNumbersThatPassTheLuhnCheck() {
    assertThat(Redactor.redact("card 4111 1111 1111 1111 ok")).isEqualTo("card [REDACTED_CARD] ok");
    assertThat(Redactor.redact("card 4111-1111-1111-1111")).contains("[REDACTED_CARD]");
  }

  @Test
  void redactsPhoneNumbers() {
    assertThat(Redactor.redact("call +1 415-555-0132 now")).isEqualTo("call [REDACTED_PHONE] now");
    assertThat(Redactor.redact("ring (020) 7946 0958")).contains("[REDACTED_PHONE]");
  }

  @Test
  void redactsProviderKeysAndBearerTokens() {
    assertThat(Redactor.redact("key sk-proj-abcdefghijklmnopqrstuvwx1234"))
        .isEqualTo("key [REDACTED_API_KEY]");
    // built at run time so secret scanners do not mistake the fixture for a real key
    assertThat(Redactor.redact("AIza" + "SyA1234567890abcdefghijklmnopqrstuv"))
        .isEqualTo("[REDACTED_API_KEY]");
    assertThat(Redactor.redact("Authorization: Bearer abc.def-123456789"))
        .isEqualTo("Authorization: Bearer [REDACTED_TOKEN]");
    assertThat(Redactor.redact("api_key=9f8e7d6c5b4a39281706"))
        .isEqualTo("api_key=[REDACTED_TOKEN]");
  }

  @Test
  void leavesOrdinaryTextVersionsAndAddressesAlone() {
    String text = "Agent 1.68.1 on 127.0.0.1:8126 answered in 12.5 ms; 42 tokens.";
    assertThat(Redactor.redact(text)).isEqualTo(text);
    assertThat(Redactor.redact(null)).isNull();
  }
}
