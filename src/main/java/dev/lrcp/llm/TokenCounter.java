package dev.lrcp.llm;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline token counts with the {@code o200k_base} BPE encoding. Exact for current OpenAI models
 * and a close approximation for Gemini, whose SentencePiece model cannot be loaded offline;
 * provider-reported usage always wins when there is one. The vocabulary is the one jtokkit ships,
 * held in {@link BytePairEncoder}'s flat arrays (jtokkit's own encoder keeps it in maps of boxed
 * entries, ~35 MB of live heap); the pre-tokenizer is the encoding's regular expression, as jtokkit
 * compiles it, and the counts are jtokkit's to the token (the tests compare them).
 *
 * <p>Text is encoded in {@link #segments} of at most {@link #MAX_SEGMENT} characters: BPE merges
 * within one pre-tokenized piece, and a piece is as long as the longest run of letters, so a
 * one-word megabyte would otherwise be merged as one piece (seconds of CPU and heap churn). Cuts
 * fall before a space that follows a non-space, where the encoding splits anyway, so ordinary text
 * counts exactly as a whole; only a run longer than a segment is cut inside, which may shift its
 * count by a token per cut.
 */
public final class TokenCounter {

  static final int MAX_SEGMENT = 1_000;

  private static final String VOCABULARY = "/com/knuddels/jtokkit/o200k_base.tiktoken";

  private static final Pattern PIECES =
      Pattern.compile(
          String.join(
              "|",
              "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                  + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
              "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                  + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
              "\\p{N}{1,3}",
              " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
              "\\s*[\\r\\n]+",
              "\\s+(?!\\S)",
              "\\s+"),
          Pattern.UNICODE_CHARACTER_CLASS);

  static final BytePairEncoder O200K = load();

  private static final IntConsumer COUNT_ONLY = rank -> {};

  private TokenCounter() {}

  /** Number of tokens in {@code text}; special-token strings are counted as ordinary text. */
  public static int count(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    int tokens = 0;
    for (String segment : segments(text)) {
      Matcher pieces = PIECES.matcher(segment);
      while (pieces.find()) {
        tokens += O200K.encode(pieces.group().getBytes(StandardCharsets.UTF_8), COUNT_ONLY);
      }
    }
    return tokens;
  }

  /**
   * The longest prefix of {@code text} that fits in {@code maxTokens} tokens: the first tokens,
   * less those that would end the text inside a character.
   */
  public static String truncate(String text, int maxTokens) {
    var kept = new Ranks();
    for (String segment : segments(text)) {
      int from = kept.size;
      Matcher pieces = PIECES.matcher(segment);
      while (kept.size < maxTokens && pieces.find()) {
        O200K.encode(pieces.group().getBytes(StandardCharsets.UTF_8), kept.upTo(maxTokens));
      }
      for (int end = kept.size; end >= from; end--) {
        String decoded = decode(kept, from, end);
        if (segment.startsWith(decoded)) {
          if (decoded.length() < segment.length()) {
            return decode(kept, 0, end);
          }
          break;
        }
      }
    }
    return text;
  }

  private static String decode(Ranks ranks, int from, int to) {
    var bytes = new ByteArrayOutputStream();
    for (int i = from; i < to; i++) {
      O200K.appendBytes(ranks.values[i], bytes);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static BytePairEncoder load() {
    try (InputStream in = TokenCounter.class.getResourceAsStream(VOCABULARY)) {
      if (in == null) {
        throw new IllegalStateException(VOCABULARY + " is missing from the class path (jtokkit)");
      }
      return BytePairEncoder.load(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A growable list of token ranks. */
  private static final class Ranks {
    int[] values = new int[64];
    int size;

    IntConsumer upTo(int max) {
      return rank -> {
        if (size < max) {
          if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
          }
          values[size++] = rank;
        }
      };
    }
  }

  /**
   * {@code text} cut into consecutive pieces of at most {@link #MAX_SEGMENT} characters: before a
   * space that follows a non-space when there is one, else at the limit (never inside a surrogate
   * pair).
   */
  static List<String> segments(String text) {
    List<String> out = new ArrayList<>(text.length() / MAX_SEGMENT + 1);
    int start = 0;
    while (text.length() - start > MAX_SEGMENT) {
      int end = cut(text, start);
      out.add(text.substring(start, end));
      start = end;
    }
    out.add(text.substring(start));
    return out;
  }

  private static int cut(String text, int start) {
    int limit = start + MAX_SEGMENT;
    for (int i = limit; i > start + 1; i--) {
      if (text.charAt(i) == ' ' && !Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }
}
