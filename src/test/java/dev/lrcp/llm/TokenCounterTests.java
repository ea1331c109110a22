package dev.lrcp.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.Random;
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

  static final Encoding WHOLE =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  /** Prose with the whitespace and punctuation shapes the encoding's pre-tokenizer cares about. */
  static String prose(long seed, int length) {
    String[] pieces = {
      "The",
      " quick",
      " brown",
      " fox",
      "'s",
      " jumps",
      ".",
      " ",
      "  ",
      "\n",
      "\n\n",
      " \n",
      "1234567",
      " 3.14",
      ",",
      " (see",
      " RFC-9457)",
      " naïve",
      " 東京は",
      "日本",
      "!",
      "\t",
      " don't",
      " URL:",
      " https://example.com/a?b=c",
      "   indented"
    };
    var random = new Random(seed);
    var text = new StringBuilder();
    while (text.length() < length) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  @Test
  void ordinaryTextCountsExactlyAsIfEncodedWhole() {
    for (long seed = 0; seed < 20; seed++) {
      String text = prose(seed, 12_000);

      assertThat(TokenCounter.count(text))
          .as("seed %d", seed)
          .isEqualTo(WHOLE.countTokensOrdinary(text));
    }
  }

  @Test
  void ordinaryTextIsTruncatedExactlyAsIfEncodedWhole() {
    for (long seed = 0; seed < 10; seed++) {
      String text = prose(seed, 8_000);
      int budget = 200 + (int) seed * 150;
      var tokens = WHOLE.encodeOrdinary(text);
      var kept = new IntArrayList();
      for (int i = 0; i < budget; i++) {
        kept.add(tokens.get(i));
      }

      assertThat(TokenCounter.truncate(text, budget))
          .as("seed %d", seed)
          .isEqualTo(WHOLE.decode(kept));
    }
  }

  /** Code points from scripts, marks, digits, symbols, emoji and whitespace, in random runs. */
  static String mixed(long seed, int length) {
    int[][] ranges = {
      {'a', 'z'},
      {'A', 'Z'},
      {'0', '9'},
      {0x20, 0x2F},
      {0xC0, 0x17F},
      {0x300, 0x36F},
      {0x391, 0x3C9},
      {0x410, 0x44F},
      {0x5D0, 0x5EA},
      {0x627, 0x64A},
      {0x3041, 0x3096},
      {0x4E00, 0x4FFF},
      {0xAC00, 0xAD00},
      {0x1F600, 0x1F64F},
      {'\n', '\r'},
      {0x2000, 0x206F}
    };
    var random = new Random(seed);
    var text = new StringBuilder();
    while (text.length() < length) {
      int[] range = ranges[random.nextInt(ranges.length)];
      for (int run = 1 + random.nextInt(12); run > 0; run--) {
        text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
      }
      if (random.nextInt(3) == 0) {
        text.append(' ');
      }
    }
    return text.toString();
  }

  @Test
  void anyScriptCountsAndTruncatesAsTheReferenceEncoder() {
    for (long seed = 0; seed < 30; seed++) {
      String text = mixed(seed, 900);
      var tokens = WHOLE.encodeOrdinary(text);
      int budget = 1 + (int) (seed * 7 % tokens.size());

      assertThat(TokenCounter.count(text)).as("seed %d", seed).isEqualTo(tokens.size());
      assertThat(TokenCounter.truncate(text, budget))
          .as("seed %d, %d tokens", seed, budget)
          .isEqualTo(WHOLE.decode(WHOLE.encodeOrdinary(text, budget).getTokens()));
    }
  }

  @Test
  void theVocabularyIsHeldInAFewMegabytesOfFlatArrays() {
    assertThat(TokenCounter.O200K.size()).isEqualTo(199_998);
    assertThat(TokenCounter.O200K.footprint()).isLessThan(6L << 20);
  }

  @Test
  void aOneWordMegabyteIsEncodedInBoundedSegments() {
    String word = "a".repeat(900_000);

    var segments = TokenCounter.segments(word);

    assertThat(segments)
        .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(TokenCounter.MAX_SEGMENT));
    assertThat(String.join("", segments)).isEqualTo(word);
    int exact = WHOLE.countTokensOrdinary("a".repeat(90_000)) * 10;
    assertThat(TokenCounter.count(word))
        .isCloseTo(exact, org.assertj.core.data.Offset.offset(segments.size()));
  }

  @Test
  void segmentsNeverSplitASurrogatePair() {
    String emoji = "😀".repeat(2_000);

    assertThat(TokenCounter.segments(emoji))
        .allSatisfy(s -> assertThat(Character.isLowSurrogate(s.charAt(0))).isFalse());
  }
}
