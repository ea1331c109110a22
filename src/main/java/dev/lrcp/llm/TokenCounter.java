package dev.lrcp.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Offline token counts with the {@code o200k_base} BPE encoding (jtokkit). Exact for current OpenAI
 * models and a close approximation for Gemini, whose SentencePiece model cannot be loaded offline;
 * provider-reported usage always wins when there is one.
 */
public final class TokenCounter {

  private static final Encoding O200K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  private TokenCounter() {}

  /** Number of tokens in {@code text}; special-token strings are counted as ordinary text. */
  public static int count(String text) {
    return text == null || text.isEmpty() ? 0 : O200K.countTokensOrdinary(text);
  }

  /** The longest prefix of {@code text} that fits in {@code maxTokens} tokens. */
  public static String truncate(String text, int maxTokens) {
    var tokens = O200K.encodeOrdinary(text);
    if (tokens.size() <= maxTokens) {
      return text;
    }
    var kept = new com.knuddels.jtokkit.api.IntArrayList(maxTokens);
    for (int i = 0; i < maxTokens; i++) {
      kept.add(tokens.get(i));
    }
    return O200K.decode(kept);
  }
}
