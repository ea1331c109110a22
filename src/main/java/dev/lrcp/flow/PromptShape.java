package dev.lrcp.flow;

import dev.lrcp.llm.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a call's prompt looks like without its text: a hash of the normalised prompt, so repeats of
 * the same prompt can be counted (caching), and the share of its characters in sentences that
 * already appeared earlier in it (content a trimmed prompt would not repeat).
 *
 * @param hash SHA-256 (first 128 bits, hex) of the request type and every message's role and
 *     whitespace-normalised text (the messages are what the model is sent, document included)
 * @param repeatedShare 0..1
 */
public record PromptShape(String hash, double repeatedShare) {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\\n])");

  /** Sentences shorter than this (list markers, "OK.") are not counted as repeated content. */
  static final int MIN_SENTENCE_CHARS = 20;

  static PromptShape of(CallRequest request) {
    var normalised = new StringBuilder(request.requestType());
    var text = new StringBuilder();
    for (Message m : request.messages()) {
      normalised.append('\u0000').append(m.role()).append(':').append(normalise(m.content()));
      text.append(m.content()).append('\n');
    }
    return new PromptShape(hash(normalised), repeatedShare(text));
  }

  static double repeatedShare(CharSequence text) {
    var seen = new HashSet<String>();
    long total = 0;
    long repeated = 0;
    for (String sentence : SENTENCE_END.split(text)) {
      String key = normalise(sentence).toLowerCase(Locale.ROOT);
      total += key.length();
      if (key.length() >= MIN_SENTENCE_CHARS && !seen.add(key)) {
        repeated += key.length();
      }
    }
    return total == 0 ? 0 : repeated / (double) total;
  }

  private static String normalise(String text) {
    return SPACES.matcher(text.strip()).replaceAll(" ");
  }

  private static String hash(CharSequence text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
