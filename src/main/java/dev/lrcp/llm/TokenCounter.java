package dev.lrcp.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline token counts with the {@code o200k_base} BPE encoding (jtokkit). Exact for current OpenAI
 * models and a close approximation for Gemini, whose SentencePiece model cannot be loaded offline;
 * provider-reported usage always wins when there is one.
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

  private static final Encoding O200K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  private TokenCounter() {}

  /** Number of tokens in {@code text}; special-token strings are counted as ordinary text. */
  public static int count(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    int tokens = 0;
    for (String segment : segments(text)) {
      tokens += O200K.countTokensOrdinary(segment);
    }
    return tokens;
  }

  /** The longest prefix of {@code text} that fits in {@code maxTokens} tokens. */
  public static String truncate(String text, int maxTokens) {
    var kept = new IntArrayList(Math.max(0, maxTokens));
    for (String segment : segments(text)) {
      EncodingResult encoded = O200K.encodeOrdinary(segment, maxTokens - kept.size());
      IntArrayList tokens = encoded.getTokens();
      for (int i = 0; i < tokens.size(); i++) {
        kept.add(tokens.get(i));
      }
      if (encoded.isTruncated()) {
        return O200K.decode(kept);
      }
    }
    return text;
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
