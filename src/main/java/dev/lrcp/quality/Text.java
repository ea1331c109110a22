package dev.lrcp.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain-Java text pieces for grounding: content words, numbers, capitalised names, sentences. */
final class Text {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’]\\p{L}+)?");

  /**
   * Java matches each repetition of a group one stack frame deeper: unbounded, "1.1.1…" a few
   * thousand characters long overflowed the stack. Nine groups hold any real number.
   */
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+){0,8}");

  private static final Pattern NAME = Pattern.compile("(?<![.!?]\\s)(?<!^)\\b\\p{Lu}[\\p{L}'’-]+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\S)|\\n+");
  private static final Set<String> STOP =
      Set.of(
          ("a about above after again against all am an and any are as at be because been before"
                  + " being below between both but by can could did do does doing down during each"
                  + " few for from further had has have having he her here hers herself him himself"
                  + " his how i if in into is it its itself just me more most my myself no nor not"
                  + " now of off on once only or other our ours ourselves out over own same she"
                  + " should so some such than that the their theirs them themselves then there"
                  + " these they this those through to too under until up very was we were what"
                  + " when where which while who whom why will with would you your yours yourself"
                  + " yourselves also yes well oh like know think really one get got go going"
                  + " lot much many something thing things s t don isn it's i'm that's")
              .split(" "));

  private Text() {}

  /** Lower-cased, lightly stemmed words that are not stop words. */
  static Set<String> contentWords(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group().replace('’', '\'');
      if (!STOP.contains(w)) {
        out.add(stem(w));
      }
    }
    return out;
  }

  /** Adjacent word pairs (stemmed, lower-cased) that are not both stop words. */
  static Set<String> bigrams(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    String previous = null;
    while (m.find()) {
      String w = m.group().replace('’', '\'');
      if (previous != null && !(STOP.contains(previous) && STOP.contains(w))) {
        out.add(stem(previous) + ' ' + stem(w));
      }
      previous = w;
    }
    return out;
  }

  /** Numbers with thousands separators removed ("2,099.00" and "2099.00" match). */
  static Set<String> numbers(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String n = m.group().replaceAll(",(?=\\d{3}\\b)", "");
      out.add(n.endsWith(".00") ? n.substring(0, n.length() - 3) : n);
    }
    return out;
  }

  /** Capitalised words not at a sentence start, stemmed like content words. */
  static Set<String> names(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!STOP.contains(w)) {
        out.add(stem(w));
      }
    }
    return out;
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(text)) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  static int words(String text) {
    int n = 0;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }

  static String stem(String w) {
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
