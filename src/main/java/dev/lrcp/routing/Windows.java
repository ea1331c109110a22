package dev.lrcp.routing;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Window parameters: {@code 15m}, {@code 24h}, {@code 7d}, or an ISO-8601 duration. */
final class Windows {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([smhd])");

  private Windows() {}

  static Duration parse(String text, Duration longest) {
    Duration window;
    var m = SHORT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    try {
      window =
          m.matches()
              ? switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(Long.parseLong(m.group(1)));
                case "m" -> Duration.ofMinutes(Long.parseLong(m.group(1)));
                case "h" -> Duration.ofHours(Long.parseLong(m.group(1)));
                default -> Duration.ofDays(Long.parseLong(m.group(1)));
              }
              : Duration.parse(text.strip());
    } catch (DateTimeParseException | NullPointerException e) {
      throw RoutingRequestException.invalid("window", "'" + text + "' is not a window like 24h");
    }
    if (window.isNegative() || window.isZero() || window.compareTo(longest) > 0) {
      throw RoutingRequestException.invalid(
          "window", "must be positive and at most " + format(longest));
    }
    return window;
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
