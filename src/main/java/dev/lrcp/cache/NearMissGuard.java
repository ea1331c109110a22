package dev.lrcp.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check a semantic match must pass besides its cosine: the two messages must mention the same
 * numbers and the same names (capitalised words after the first, quoted strings). Sentence
 * embeddings place "What is 15% of 200?" and "What is 15% of 300?", or "capital of France" and
 * "capital of Germany", very close; these are the near misses that would otherwise return the
 * answer to a different question.
 */
final class NearMissGuard {

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|'([^']{2,})'");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'-]*");

  private NearMissGuard() {}

  static boolean sameSpecifics(String a, String b) {
    return specifics(a).equals(specifics(b));
  }

  /** Numbers, quoted strings and capitalised words (not the first word), sorted. */
  static List<String> specifics(String text) {
    var out = new ArrayList<String>();
    Matcher n = NUMBER.matcher(text);
    while (n.find()) {
      out.add(n.group().replace(",", ""));
    }
    Matcher q = QUOTED.matcher(text);
    while (q.find()) {
      out.add((q.group(1) != null ? q.group(1) : q.group(2)).toLowerCase(java.util.Locale.ROOT));
    }
    Matcher w = WORD.matcher(text);
    boolean first = true;
    while (w.find()) {
      String word = w.group();
      boolean sentenceStart = first || precededByStop(text, w.start());
      if (!sentenceStart && Character.isUpperCase(word.charAt(0)) && !word.equals("I")) {
        out.add(word);
      }
      first = false;
    }
    out.sort(null);
    return out;
  }

  private static boolean precededByStop(String text, int at) {
    for (int i = at - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '.' || c == '?' || c == '!' || c == ':';
      }
    }
    return true;
  }
}
