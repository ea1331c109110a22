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

  /** The longest local part an e-mail address may have (RFC 5321), as the EMAIL pattern says. */
  static final int EMAIL_LOCAL_PART = 64;

  /** The longest CARD match: 18 digits each with a separator, and a last digit. */
  static final int CARD_SPAN = 37;

  /** The longest PHONE match: {@code +ddd-} (5) and {@code (dddd)-dddd-dddddd} (18). */
  static final int PHONE_SPAN = 23;

  private RedactionStarts() {}

  /**
   * API_KEY: a match starts with its marker ({@code sk-}, {@code AIza}, …) at a word boundary. An
   * {@code eyJ} marker counts only where a whole token follows (three dot-separated key runs): the
   * pattern would otherwise read to the end of a long run from each such marker in it and fail
   * there each time; one look at the run settles every marker in it.
   */
  static int apiKey(CharSequence text, int from) {
    int noTokenBefore = -1;
    for (int i = from; i < text.length(); i++) {
      if (!apiMarkerAt(text, i) || (i > 0 && word(text.charAt(i - 1)))) {
        continue;
      }
      if ((text.charAt(i) | 0x20) != 'e') {
        return i;
      }
      if (i >= noTokenBefore) {
        int end = keyRunEnd(text, i);
        if (tokenFollows(text, i, end)) {
          return i;
        }
        noTokenBefore = end;
      }
    }
    return -1;
  }

  /** The JWT alternative's shape: {@code eyJ} and 8+ key characters, a dot, 8+, a dot, 1+. */
  private static boolean tokenFollows(CharSequence text, int marker, int end) {
    if (end - marker < 3 + 8 || end >= text.length() || text.charAt(end) != '.') {
      return false;
    }
    int second = keyRunEnd(text, end + 1);
    return second - (end + 1) >= 8
        && second + 1 < text.length()
        && text.charAt(second) == '.'
        && keyCharacter(text.charAt(second + 1));
  }

  /** The end of the run of key characters ({@code [A-Za-z0-9_-]}) that starts at {@code from}. */
  private static int keyRunEnd(CharSequence text, int from) {
    int end = from;
    while (end < text.length() && keyCharacter(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean keyCharacter(char c) {
    return word(c) || c == '-';
  }

  /**
   * TOKEN: a match starts shortly after a keyword ({@code bearer}, {@code api_key}, …), on a value
   * character right after a separator; a keyword other than {@code passw…} is followed directly by
   * a separator.
   */
  static int token(CharSequence text, int from) {
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

  /**
   * EMAIL: a match starts in the run of local-part characters right before an {@code @}, at most
   * {@link #EMAIL_LOCAL_PART} before it.
   */
  static int email(CharSequence text, int from) {
    for (int at = indexOf(text, '@', from); at >= 0; at = indexOf(text, '@', at + 1)) {
      int start = at;
      int earliest = Math.max(from, at - EMAIL_LOCAL_PART);
      while (start > earliest && localPart(text.charAt(start - 1))) {
        start--;
      }
      if (start < at) {
        return start;
      }
    }
    return -1;
  }

  /**
   * CARD: a digit after a non-word character, with 13+ digits among the digits, spaces and dashes
   * that follow within {@link #CARD_SPAN}. Looking no further than a match can reach keeps a long
   * run of digits from being counted again from each of its starts.
   */
  static int card(CharSequence text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (digit(text.charAt(i))
          && !(i > 0 && word(text.charAt(i - 1)))
          && digits(text, i, runEnd(text, i, " -", i + CARD_SPAN)) >= 13) {
        return i;
      }
    }
    return -1;
  }

  /**
   * PHONE: a digit, + or ( after neither a word character nor a dot, with 5+ digits among the
   * digits and separators that follow within {@link #PHONE_SPAN}.
   */
  static int phone(CharSequence text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      char before = i > 0 ? text.charAt(i - 1) : ' ';
      if ((digit(c) || c == '+' || c == '(')
          && !word(before)
          && before != '.'
          && digits(text, i, runEnd(text, i, " .-+()", i + PHONE_SPAN)) >= 5) {
        return i;
      }
    }
    return -1;
  }

  /** The end of the run of digits and {@code separators} from {@code from}, at most {@code to}. */
  private static int runEnd(CharSequence text, int from, String separators, int to) {
    int end = from;
    int limit = Math.min(to, text.length());
    while (end < limit && (digit(text.charAt(end)) || separators.indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    return end;
  }

  private static int digits(CharSequence text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += digit(text.charAt(i)) ? 1 : 0;
    }
    return n;
  }

  static boolean apiMarkerAt(CharSequence text, int i) {
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
  static int keywordMarkerLength(CharSequence text, int i) {
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
  private static boolean starts(CharSequence text, int i, String marker) {
    return i + 1 < text.length()
        && (text.charAt(i + 1) | 0x20) == marker.charAt(1)
        && regionMatches(text, i, marker);
  }

  /** Case-insensitive for ASCII letters, as the markers are. */
  private static boolean regionMatches(CharSequence text, int i, String marker) {
    if (i + marker.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < marker.length(); k++) {
      if (Character.toLowerCase(text.charAt(i + k)) != marker.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(CharSequence text, char c, int from) {
    for (int i = Math.max(0, from); i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean gitHubKind(CharSequence text, int i) {
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
