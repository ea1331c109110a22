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
              RedactionCandidates::keyMarker,
              RedactionStarts::apiKey,
              Pattern.compile(
                  "(?i)\\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_\\-]{16,}|AIza[0-9A-Za-z_\\-]{35}"
                      + "|gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9\\-]{10,}"
                      + "|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]+)")),
          new Rule(
              "TOKEN",
              RedactionCandidates::keyMarker,
              RedactionStarts::token,
              Pattern.compile(
                  "(?i)(?<=\\b(?:bearer|api[_-]?key|token|secret|password|passwd)[\"']?\\s{0,3}[:=\\s]\\s{0,3}[\"']?)"
                      + "[A-Za-z0-9_\\-./+=]{8,}")),
          new Rule(
              "EMAIL",
              RedactionCandidates::at,
              RedactionStarts::email,
              Pattern.compile("[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9.\\-]{1,253}\\.[A-Za-z]{2,63}")),
          new Rule(
              "CARD",
              c -> c.digits() >= 13,
              RedactionStarts::card,
              Pattern.compile("\\b(?:\\d[ \\-]?){12,18}\\d\\b")),
          new Rule(
              "PHONE",
              c -> c.digits() >= 5,
              RedactionStarts::phone,
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
    // one cheap scan of the input decides which rules can match at all: most log values and
    // prompts hold no '@', no long digit run and no key marker, and then no regex runs
    var candidates = RedactionCandidates.of(text);
    String out = text;
    for (Rule rule : RULES) {
      if (rule.mayMatch().test(candidates)) {
        out = rule.apply(out);
      }
    }
    return out;
  }

  /**
   * The specification {@link #redact} must equal: every pattern searched over the whole text (tests
   * compare the two). Far slower on long text: some patterns cost O(n²) when tried at every index.
   */
  static String redactEverywhere(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (Rule rule : RULES) {
      out = rule.applyEverywhere(out);
    }
    return out;
  }

  /** Where a rule's match can start: the first index at or after {@code from}, or -1. */
  @FunctionalInterface
  private interface Starts {
    int next(String text, int from);
  }

  private record Rule(
      String kind, Predicate<RedactionCandidates> mayMatch, Starts starts, Pattern pattern) {

    /** Tries the pattern only where {@link #starts} allows (bounds transparent to lookarounds). */
    String apply(String text) {
      Matcher m = pattern.matcher(text).useTransparentBounds(true);
      StringBuilder out = null;
      int copied = 0;
      int from = 0;
      for (int s = starts.next(text, 0); s >= 0; s = starts.next(text, from)) {
        m.region(s, text.length());
        if (!m.lookingAt()) {
          from = s + 1;
          continue;
        }
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, copied, s).append(replacement(m.group()));
        copied = m.end();
        from = m.end();
      }
      return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    String applyEverywhere(String text) {
      Matcher m = pattern.matcher(text);
      var sb = new StringBuilder(text.length());
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(replacement(m.group())));
      }
      return m.appendTail(sb).toString();
    }

    private String replacement(String match) {
      return kind.equals("CARD") && !luhn(match) ? match : "[REDACTED_" + kind + "]";
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
