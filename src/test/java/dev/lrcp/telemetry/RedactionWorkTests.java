package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.RegexWork;
import dev.lrcp.RegexWork.CountingText;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import org.junit.jupiter.api.Test;

/**
 * Finding where each redaction rule may match reads a hostile text a bounded number of times per
 * character (a long digit run used to be counted again from each of its starts), and the bounded
 * search still redacts exactly what the whole-text specification does.
 */
class RedactionWorkTests {

  static final int LENGTH = 20_000;
  static final long READS_PER_CHARACTER = 200;

  static final Map<String, ToIntBiFunction<CharSequence, Integer>> STARTS =
      Map.of(
          "API_KEY", RedactionStarts::apiKey,
          "TOKEN", RedactionStarts::token,
          "EMAIL", RedactionStarts::email,
          "CARD", RedactionStarts::card,
          "PHONE", RedactionStarts::phone);

  @Test
  void findingEveryCandidateStartReadsEachCharacterABoundedNumberOfTimes() {
    for (String text : RegexWork.hostileTexts(LENGTH)) {
      for (var rule : STARTS.entrySet()) {
        var counting = new CountingText(text);
        // as Redactor tries them when no match succeeds: the next start after each failed one
        for (int s = rule.getValue().applyAsInt(counting, 0);
            s >= 0;
            s = rule.getValue().applyAsInt(counting, s + 1)) {}

        assertThat(counting.reads())
            .as("%s on [%s…]", rule.getKey(), text.substring(0, 12))
            .isLessThan(READS_PER_CHARACTER * LENGTH);
      }
    }
  }

  @Test
  void hostileTextsAreRedactedAsTheWholeTextSpecificationSays() {
    for (String text : RegexWork.hostileTexts(2_000)) {
      assertThat(Redactor.redact(text))
          .as("[%s…]", text.substring(0, 12))
          .isEqualTo(Redactor.redactEverywhere(text));
    }
  }

  @Test
  void aTokenAmongLongKeyRunsIsStillRedacted() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl";
    String text = "eyJ-".repeat(5_000) + " then " + jwt + " and -" + "eyJ-".repeat(5_000);

    assertThat(Redactor.redact(text)).doesNotContain(jwt).contains("[REDACTED_API_KEY]");
  }
}
