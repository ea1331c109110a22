package dev.lrcp.security;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds kinds of personal data and secrets in text. Reports the kinds only (never the values), so
 * the result is safe to log and tag. Every repetition in the patterns is bounded by what a real
 * value can hold (an e-mail local part by RFC 5321, a few spaces around a separator): an unbounded
 * one is tried again from every start in a long run of its characters, which made a 100 KB
 * hyphenated word cost a minute of CPU.
 */
final class PiiDetector {

  private static final Pattern EMAIL =
      Pattern.compile(
          "\\b[\\w.%+-]{1,64}+@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){0,8}\\.[A-Za-z]{2,63}\\b");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]\\d{2,4}){1,4}(?![\\w])");
  private static final Pattern CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)");
  private static final Pattern API_KEY =
      Pattern.compile(
          "\\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}"
              + "|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}|xox[abposr]-[A-Za-z0-9-]{10,}"
              + "|glpat-[A-Za-z0-9_-]{20,}|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"
              + "|eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})\\b");
  private static final Pattern BEARER =
      Pattern.compile(
          "(?i)\\b(?:bearer|api[_-]?key|token|secret|password)\\b[\"']?\\s{0,3}[:=]?\\s{0,3}[\"']?([A-Za-z0-9_\\-./+=]{20,})");

  private PiiDetector() {}

  static Set<String> detect(CharSequence text) {
    Set<String> kinds = new TreeSet<>();
    if (text.toString().indexOf('@') >= 0 && EMAIL.matcher(text).find()) {
      kinds.add("email");
    }
    if (hasCard(text)) {
      kinds.add("card");
    }
    if (hasPhone(text)) {
      kinds.add("phone");
    }
    if (API_KEY.matcher(text).find() || hasSecretAssignment(text)) {
      kinds.add("api_key");
    }
    return kinds;
  }

  private static boolean hasCard(CharSequence text) {
    Matcher m = CARD.matcher(text);
    while (m.find()) {
      if (luhn(m.group().replaceAll("[ -]", ""))) {
        return true;
      }
    }
    return false;
  }

  /** 9 to 15 digits in phone-like groups, and not a card number or a date. */
  private static boolean hasPhone(CharSequence text) {
    Matcher m = PHONE.matcher(text);
    while (m.find()) {
      String digits = m.group().replaceAll("\\D", "");
      boolean international = m.group().startsWith("+");
      if (digits.length() >= (international ? 8 : 9)
          && digits.length() <= 15
          && !luhnCard(digits)) {
        return true;
      }
    }
    return false;
  }

  private static boolean luhnCard(String digits) {
    return digits.length() >= 13 && luhn(digits);
  }

  private static boolean hasSecretAssignment(CharSequence text) {
    Matcher m = BEARER.matcher(text);
    while (m.find()) {
      if (entropy(m.group(1)) >= 3.5) {
        return true;
      }
    }
    return false;
  }

  static boolean luhn(String digits) {
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  /** Shannon entropy in bits per character: random tokens score high, words low. */
  static double entropy(String s) {
    int[] counts = new int[128];
    int n = 0;
    for (char c : s.toCharArray()) {
      if (c < 128) {
        counts[c]++;
        n++;
      }
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = c / (double) n;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }
}
