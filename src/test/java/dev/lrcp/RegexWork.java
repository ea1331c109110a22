package dev.lrcp;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how much work a regular expression (or a hand-written scan) does on a text, as the
 * number of characters the matcher reads (a deterministic stand-in for CPU time): a linear pattern
 * reads each character a bounded number of times, a backtracking one reads the text again from
 * every start.
 */
public final class RegexWork {

  private RegexWork() {}

  /** Characters read while finding every match of {@code pattern} in {@code text}. */
  public static long reads(Pattern pattern, String text) {
    var counting = new CountingText(text);
    Matcher m = pattern.matcher(counting);
    while (m.find()) {
      if (m.end() == m.start() && m.end() >= text.length()) {
        break;
      }
    }
    return counting.reads();
  }

  /**
   * Texts that make backtracking patterns slow: a short unit repeated (a single "word" as a
   * careless client or an attacker sends it), alone or after a marker a pattern starts on, from the
   * characters regular expressions for keys, e-mails, numbers, markup and phrases care about.
   */
  public static List<String> hostileTexts(int length) {
    List<String> units =
        List.of(
            "a",
            "1",
            " ",
            "-",
            ".",
            "a.",
            "a-",
            "1-",
            "1 ",
            "a@",
            "@a.",
            "a_",
            "x@a.",
            "sk-",
            "eyJ",
            "![",
            "![a](http://a?",
            "?=",
            "&",
            "token ",
            "  ",
            "\n",
            "ab. Cd ",
            "#",
            "<|",
            "ignore ",
            "ignore the ",
            "what is ",
            "a'",
            "A",
            "AA-",
            "1.",
            "1,",
            "(1)",
            "+1 ",
            "\t",
            "?",
            "=");
    List<String> markers =
        List.of(
            "",
            "token",
            "token:",
            "password ",
            "bearer ",
            "sk-",
            "eyJa.eyJ",
            "![a](http://a",
            "what ",
            "+1",
            "(12)",
            "ignore ",
            "you are now",
            "a@b",
            "a@b.",
            "DAN ",
            "<<SYS>>");
    List<String> texts = new java.util.ArrayList<>();
    for (String marker : markers) {
      for (String unit : units) {
        String text = marker + unit.repeat(length / unit.length() + 1);
        texts.add(text.substring(0, length));
      }
    }
    return texts;
  }

  /** A text that counts how many characters were read from it. */
  public static final class CountingText implements CharSequence {
    private final String text;
    private long reads;

    public CountingText(String text) {
      this.text = text;
    }

    public long reads() {
      return reads;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      reads++;
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
