package dev.lrcp.llm;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long an upstream asked us to wait: OpenAI's {@code retry-after-ms}, the standard {@code
 * Retry-After} in seconds or as an HTTP date (measured against the same response's {@code Date}, so
 * no local clock is involved), or Gemini's "retry in 13.4s" hint, which its SDK leaves only in the
 * error message.
 */
public final class RetryAfter {

  private static final Pattern IN_MESSAGE =
      Pattern.compile("retry in (\\d{1,6}(?:\\.\\d{1,9})?)\\s*s\\b", Pattern.CASE_INSENSITIVE);

  private RetryAfter() {}

  /**
   * @param millis the {@code retry-after-ms} header, or null
   * @param header the {@code Retry-After} header, or null
   * @param date the response's {@code Date} header, or null
   */
  public static Optional<Duration> fromHeaders(String millis, String header, String date) {
    Optional<Duration> ms = number(millis).map(v -> Duration.ofNanos(Math.round(v * 1e6)));
    if (ms.isPresent() || header == null) {
      return ms;
    }
    Optional<Duration> seconds = number(header).map(v -> Duration.ofNanos(Math.round(v * 1e9)));
    return seconds.isPresent() ? seconds : untilDate(header, date);
  }

  /** The wait named in an error message such as Gemini's "Please retry in 13.4s.". */
  public static Optional<Duration> fromMessage(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = IN_MESSAGE.matcher(message);
    return m.find()
        ? Optional.of(Duration.ofNanos(Math.round(Double.parseDouble(m.group(1)) * 1e9)))
        : Optional.empty();
  }

  private static Optional<Double> number(String value) {
    if (value == null || !value.strip().matches("\\d{1,9}(\\.\\d{1,9})?")) {
      return Optional.empty();
    }
    return Optional.of(Double.parseDouble(value.strip()));
  }

  private static Optional<Duration> untilDate(String header, String date) {
    if (date == null) {
      return Optional.empty();
    }
    try {
      var until = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
      var now = ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(now, until);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
