package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

  @Test
  void numbersKeepTheirSeparators() {
    assertThat(Text.numbers("It cost 2,099.00 in 2024, up 3.5 %"))
        .containsExactly("2099", "2024", "3.5");
  }

  @Test
  void aLongChainOfDottedDigitsDoesNotOverflowTheStack() {
    // "1.1.1…" as a document or an answer: one stack frame per group used to overflow at ~3,000
    assertThat(Text.numbers("1.".repeat(100_000))).isNotEmpty();
  }
}
