package dev.lrcp.telemetry;

/**
 * Where each {@link Redactor} rule's match can start, found by hand so a regular expression is only
 * tried at those indexes ({@code lookingAt}) instead of at every index of a long prompt. Each
 * method returns the first index at or after {@code from} that meets a necessary condition of its
 * pattern, or -1; the pattern still decides. Word characters are ASCII ({@code \w}, {@code \b} and
 * {@code \d} without UNICODE_CHARACTER_CLASS); case-insensitive markers are matched at least as
 * widely as {@code (?i)} does.
 */
final class RedactionStarts {

  /**
   * A TOKEN value starts 1 to 9 characters after its keyword, which ends up to 3 after its marker.
   */
  private static final int TOKEN_GAP = 12;

  private RedactionStarts() {}

  /** API_KEY: a match starts with its marker ({@code sk-}, {@code AIza}, …). */
  static int apiKey(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (apiMarkerAt(text, i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * TOKEN: a match starts shortly after a keyword ({@code bearer}, {@code api_key}, …), on a value
   * character right after a separator; a keyword other than {@code passw…} is followed directly by
   * a separator.
   */
  static int token(String text, int from) {
    for (int i = Math.max(0, from - TOKEN_GAP - 8); i < text.length(); i++) {
      int length = keywordMarkerLength(text, i);
      int end = i + length;
      if (length == 0 || end + TOKEN_GAP < from) {
        continue;
      }
      boolean exactEnd = (text.charAt(i) | 0x20) != 'p';
      if (exactEnd && (end >= text.length() || !separator(text.charAt(end)))) {
        continue;
      }
      for (int s = Math.max(from, end + 1); s <= end + TOKEN_GAP && s < text.length(); s++) {
        if (separator(text.charAt(s - 1)) && value(text.charAt(s))) {
          return s;
        }
      }
    }
    return -1;
  }

  /** EMAIL: a match starts in the run of local-part characters right before an {@code @}. */
  static int email(String text, int from) {
    for (int at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', at + 1)) {
      int start = at;
      while (start > from && localPart(text.charAt(start - 1))) {
        start--;
      }
      if (start < at) {
        return start;
      }
    }
    return -1;
  }

  /** CARD: a digit after a non-word character, starting a run of 13+ digits, spaces, dashes. */
  static int card(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (digit(text.charAt(i)) && !(i > 0 && word(text.charAt(i - 1)))) {
        int end = runEnd(text, i, " -");
        if (digits(text, i, end) >= 13) {
          return i;
        }
        i = end - 1; // a later start in the same run sees even fewer digits
      }
    }
    return -1;
  }

  /** PHONE: a digit, + or ( after neither a word character nor a dot, with 5+ digits ahead. */
  static int phone(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      char before = i > 0 ? text.charAt(i - 1) : ' ';
      if ((digit(c) || c == '+' || c == '(') && !word(before) && before != '.') {
        int end = runEnd(text, i, " .-+()");
        if (digits(text, i, end) >= 5) {
          return i;
        }
        i = end - 1;
      }
    }
    return -1;
  }

  /** The end of the run of digits and {@code separators} that starts at {@code from}. */
  private static int runEnd(String text, int from, String separators) {
    int end = from;
    while (end < text.length()
        && (digit(text.charAt(end)) || separators.indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    return end;
  }

  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += digit(text.charAt(i)) ? 1 : 0;
    }
    return n;
  }

  static boolean apiMarkerAt(String text, int i) {
    return switch (text.charAt(i) | 0x20) {
      case 's' -> starts(text, i, "sk-");
      case 'a' -> starts(text, i, "aiza") || starts(text, i, "akia");
      case 'g' -> starts(text, i, "gh") && gitHubKind(text, i + 2);
      case 'x' -> starts(text, i, "xox");
      case 'e' -> starts(text, i, "eyj");
      default -> false;
    };
  }

  /** The length of the keyword marker at {@code i} ({@code passw} for password/passwd), or 0. */
  static int keywordMarkerLength(String text, int i) {
    String marker =
        switch (text.charAt(i) | 0x20) {
          case 'b' -> "bearer";
          case 'k' -> "key";
          case 't' -> "token";
          case 's' -> "secret";
          case 'p' -> "passw";
          default -> null;
        };
    return marker != null && starts(text, i, marker) ? marker.length() : 0;
  }

  /** Every marker's second character is a letter: compared first, it rejects most indexes. */
  private static boolean starts(String text, int i, String marker) {
    return i + 1 < text.length()
        && (text.charAt(i + 1) | 0x20) == marker.charAt(1)
        && text.regionMatches(true, i, marker, 0, marker.length());
  }

  private static boolean gitHubKind(String text, int i) {
    return i + 1 < text.length()
        && "pousr".indexOf(text.charAt(i) | 0x20) >= 0
        && text.charAt(i + 1) == '_';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean word(char c) {
    return digit(c) || c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }

  /**
   * What may stand between a TOKEN keyword and its value: quotes, {@code :}, {@code =}, {@code \s}.
   */
  private static boolean separator(char c) {
    return "\"':= \t\n\u000B\f\r".indexOf(c) >= 0;
  }

  private static boolean value(char c) {
    return word(c) || "-./+=".indexOf(c) >= 0;
  }

  private static boolean localPart(char c) {
    return word(c) || ".%+-".indexOf(c) >= 0;
  }
}
