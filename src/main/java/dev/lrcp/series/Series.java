package dev.lrcp.series;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * A supplied series as parallel arrays: epoch seconds (strictly ascending unless parsed as a {@link
 * #stream}), finite values, and the timestamps as the caller wrote them (echoed back so results
 * line up with the input).
 */
public record Series(long[] epochSeconds, double[] values, List<String> labels) {

  /** Larger magnitudes would overflow the engines' sums of squares. */
  static final double MAX_MAGNITUDE = 1e15;

  private static final long FIRST = -62_135_596_800L; // 0001-01-01T00:00:00Z
  private static final long LAST = 253_402_300_799L; // 9999-12-31T23:59:59Z

  /** Parses and checks points; throws {@link InvalidSeriesException} naming the first bad one. */
  public static Series of(List<SeriesPoint> points, String field) {
    return parse(points, field, true);
  }

  /**
   * Parses points as a stream, in the order given: repeated or out-of-order timestamps (clock
   * changes, late records) are kept, since each point is judged where it arrived.
   */
  public static Series stream(List<SeriesPoint> points, String field) {
    return parse(points, field, false);
  }

  private static Series parse(List<SeriesPoint> points, String field, boolean ascending) {
    int n = points.size();
    long[] times = new long[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      SeriesPoint p = points.get(i);
      times[i] = parse(p.timestamp(), field + "[" + i + "].timestamp");
      values[i] = p.value();
      if (!(Math.abs(values[i]) <= MAX_MAGNITUDE)) {
        throw new InvalidSeriesException(
            field + "[" + i + "].value", "must be a finite number within ±1e15");
      }
      if (ascending && i > 0 && times[i] <= times[i - 1]) {
        throw new InvalidSeriesException(
            field + "[" + i + "].timestamp", "timestamps must be strictly ascending");
      }
    }
    return new Series(times, values, points.stream().map(SeriesPoint::timestamp).toList());
  }

  public int size() {
    return values.length;
  }

  /** The median gap between points, in seconds (the series' own interval). */
  public long interval() {
    if (size() < 2) {
      return 0;
    }
    long[] gaps = new long[size() - 1];
    for (int i = 1; i < size(); i++) {
      gaps[i - 1] = epochSeconds[i] - epochSeconds[i - 1];
    }
    Arrays.sort(gaps);
    return gaps[gaps.length / 2];
  }

  /** Share of gaps that differ from the median interval (missing or extra points). */
  public double irregularity() {
    long interval = interval();
    long off = 0;
    for (int i = 1; i < size(); i++) {
      off += epochSeconds[i] - epochSeconds[i - 1] == interval ? 0 : 1;
    }
    return size() < 2 ? 0 : (double) off / (size() - 1);
  }

  static long parse(String text, String field) {
    long epoch = epochSecond(text.strip(), field);
    if (epoch < FIRST || epoch > LAST) {
      throw new InvalidSeriesException(field, "must be between the years 1 and 9999");
    }
    return epoch;
  }

  private static long epochSecond(String t, String field) {
    try {
      if (t.matches("-?\\d{1,12}(\\.\\d+)?")) {
        return (long) Math.floor(Double.parseDouble(t));
      }
      String iso = t.replace(' ', 'T');
      if (iso.endsWith("Z")) {
        return Instant.parse(iso).getEpochSecond();
      }
      if (iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
        return OffsetDateTime.parse(iso).toEpochSecond();
      }
      return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new InvalidSeriesException(
          field, "not an ISO-8601 date-time or epoch seconds: '" + abbreviate(t) + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
