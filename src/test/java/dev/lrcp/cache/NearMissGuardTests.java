package dev.lrcp.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NearMissGuardTests {

  @Test
  void paraphrasesWithTheSameNamesAndNumbersPass() {
    assertThat(
            NearMissGuard.sameSpecifics(
                "What is the capital of France?", "Which city is the capital of France?"))
        .isTrue();
    assertThat(NearMissGuard.sameSpecifics("What is 15% of 240?", "Calculate 15 percent of 240."))
        .isTrue();
  }

  @Test
  void anotherNameOrNumberIsAnotherQuestion() {
    assertThat(
            NearMissGuard.sameSpecifics(
                "What is the capital of France?", "What is the capital of Spain?"))
        .isFalse();
    assertThat(NearMissGuard.sameSpecifics("What is 15% of 240?", "What is 20% of 240?")).isFalse();
    assertThat(
            NearMissGuard.sameSpecifics("When did World War I end?", "When did World War II end?"))
        .isFalse();
    assertThat(NearMissGuard.sameSpecifics("Translate 'good night'.", "Translate 'good day'."))
        .isFalse();
  }

  @Test
  void theFirstWordOfASentenceIsNotAName() {
    assertThat(NearMissGuard.specifics("Name the capital. Tell me now.")).isEmpty();
  }
}
