package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
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

  @Test
  void redactsSecretsBuriedInLongProse() {
    String prose = "The quarterly report covers revenue, churn and the token budget for 2025. ";
    String text =
        prose.repeat(40)
            + "Reach jane.doe@example.com or +1 415-555-0132, card 4111 1111 1111 1111, "
            + "token: abcdefgh12345678 and key sk-proj-abcdefghijklmnopqrstuvwx1234. "
            + prose.repeat(40);

    String redacted = Redactor.redact(text);

    assertThat(redacted)
        .contains(
            "Reach [REDACTED_EMAIL] or [REDACTED_PHONE], card [REDACTED_CARD], "
                + "token: [REDACTED_TOKEN] and key [REDACTED_API_KEY].")
        .isEqualTo(Redactor.redactEverywhere(text));
  }

  /**
   * The fast path tries each pattern only where a hand-written scan says a match can start; on text
   * built from every character and marker the patterns care about, it must agree exactly with
   * searching the whole text.
   */
  @Test
  void agreesWithSearchingTheWholeTextOnRandomText() {
    // separated by '|', a character no pattern cares about
    String[] pieces =
        ("sk-|sK-proj-|AIza|ghp_|GHS_|xoxb-|AKIA|eyJ|Bearer|bearer |api_key|API-KEY|apikey|token"
                + "|Token|secret|password|passwd|key|password\"   :   '|passwd'   =   \"|=|:|\"|'| "
                + "|  |   | = |\t|\n|.|-|+|(|)|@|@@|_|%|/|é|K|a|Z|q|0|1|4|7|9|41|555|0132"
                + "|4111 1111 1111 1111|4111-1111-1111-1112|jane@example.com|x.y@a-b.co"
                + "|abcdefghijklmnop|ABCDEFGHIJKLMNOP0123|eyJhbGciOiJIUzI1.eyJzdWIiOiIx.abc"
                + "|(020) 7946 0958|(0) 12 34|+44")
            .split("\\|");
    var random = new SplittableRandom(20261128);
    for (int n = 0; n < 20_000; n++) {
      var text = new StringBuilder();
      int parts = 1 + random.nextInt(24);
      for (int i = 0; i < parts; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String input = text.toString();
      assertThat(Redactor.redact(input)).as(input).isEqualTo(Redactor.redactEverywhere(input));
    }
  }
}
