package dev.lrcp.telemetry;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets and personal data in free text before it leaves the process (span tags, LLM
 * Observability messages, log lines): API keys and bearer tokens, email addresses, card numbers
 * (Luhn-checked, so order numbers survive), and phone numbers. Deliberately pattern-based and
 * conservative: it prefers over-redacting a long digit run to leaking a number.
 */
public final class Redactor {

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "API_KEY",
              Redactor::mayHoldKey,
              Pattern.compile(
                  "(?i)\\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_\\-]{16,}|AIza[0-9A-Za-z_\\-]{35}"
                      + "|gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9\\-]{10,}"
                      + "|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]+)")),
          new Rule(
              "TOKEN",
              Redactor::mayHoldKey,
              Pattern.compile(
                  "(?i)(?<=\\b(?:bearer|api[_-]?key|token|secret|password|passwd)[\"']?\\s{0,3}[:=\\s]\\s{0,3}[\"']?)"
                      + "[A-Za-z0-9_\\-./+=]{8,}")),
          new Rule(
              "EMAIL",
              t -> t.indexOf('@') >= 0,
              Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}")),
          new Rule("CARD", t -> digits(t, 13), Pattern.compile("\\b(?:\\d[ \\-]?){12,18}\\d\\b")),
          new Rule(
              "PHONE",
              t -> digits(t, 5),
              Pattern.compile(
                  "(?<![\\w.])(?:\\+\\d{1,3}[ .\\-]?)?"
                      + "(?:\\(\\d{1,4}\\)[ .\\-]?\\d{2,4}[ .\\-]\\d{2,6}"
                      + "|\\d{2,4}[ .\\-]\\d{2,4}[ .\\-]\\d{2,6})(?![\\w.])")));

  private Redactor() {}

  /** The text with every match replaced by {@code [REDACTED_<KIND>]}; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (Rule rule : RULES) {
      out = rule.apply(out);
    }
    return out;
  }

  /**
   * Cheap character scans run before the regular expressions: most log values and prompts hold no
   * '@', no long digit run and no key marker, so redaction then costs one pass over the text.
   */
  private static boolean digits(String text, int atLeast) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i)) && ++digits >= atLeast) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern KEY_MARKERS =
      Pattern.compile("(?i)sk-|AIza|gh[pousr]_|xox|AKIA|eyJ|bearer|key|token|secret|passw");

  private static boolean mayHoldKey(String text) {
    return KEY_MARKERS.matcher(text).find();
  }

  private record Rule(String kind, Predicate<String> mayMatch, Pattern pattern) {
    String apply(String text) {
      if (!mayMatch.test(text)) {
        return text;
      }
      Matcher m = pattern.matcher(text);
      if (!m.find()) {
        return text;
      }
      var sb = new StringBuilder(text.length());
      do {
        String replacement =
            kind.equals("CARD") && !luhn(m.group()) ? m.group() : "[REDACTED_" + kind + "]";
        m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
      } while (m.find());
      m.appendTail(sb);
      return sb.toString();
    }
  }

  static boolean luhn(String candidate) {
    int sum = 0;
    boolean twice = false;
    for (int i = candidate.length() - 1; i >= 0; i--) {
      char c = candidate.charAt(i);
      if (!Character.isDigit(c)) {
        continue;
      }
      int d = c - '0';
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
