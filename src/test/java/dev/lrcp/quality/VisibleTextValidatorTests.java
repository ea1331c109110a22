package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextValidatorTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "\t\n\r",
        "\u200b",
        "\u0000",
        "\ufeff",
        "\ud800",
        "\udfff",
        "\u00a0\u3000",
        "\u2028\u2029",
        "\u200b\u2060\u00ad",
        "\u0301",
        "\ue000",
        "\ufffd",
        "\u0085"
      })
  void textsOfInvisibleOrControlCharactersAreBlank(String text) {
    assertThat(VisibleTextValidator.isVisible(text)).isFalse();
    assertThat(new VisibleTextValidator().isValid(text, null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", " ? ", "\u200bx", "é", "東京", "😀", "1", "-", "\u0301e", "ab\u0000"})
  void aSingleVisibleCharacterIsEnough(String text) {
    assertThat(VisibleTextValidator.isVisible(text)).isTrue();
  }

  @org.junit.jupiter.api.Test
  void nullIsLeftToNotNull() {
    assertThat(new VisibleTextValidator().isValid(null, null)).isTrue();
  }
}
