package dev.lrcp.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenCounterTests {

  @Test
  void countsBpeTokensNotCharactersOverFour() {
    assertThat(TokenCounter.count("Hello world")).isEqualTo(2);
    assertThat(TokenCounter.count("")).isZero();
    assertThat(TokenCounter.count(null)).isZero();
    // CJK: far more tokens than chars/4 would suggest
    String japanese = "東京は日本の首都であり、世界最大の都市圏の一つです。";
    assertThat(TokenCounter.count(japanese)).isGreaterThan(japanese.length() / 4);
  }

  @Test
  void truncatesToATokenBudget() {
    String text = "one two three four five six seven eight nine ten";
    String cut = TokenCounter.truncate(text, 3);
    assertThat(TokenCounter.count(cut)).isEqualTo(3);
    assertThat(text).startsWith(cut);
    assertThat(TokenCounter.truncate(text, 1000)).isEqualTo(text);
  }
}
