package dev.lrcp.forecast;

import dev.lrcp.series.Series;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;

/**
 * NAB development files with a daily season summed into hourly totals (the leading and trailing
 * hours dropped when they are partial), as {@code scripts/evaluate-insights.sh} builds them.
 */
final class HourlySeries {

  static final List<String> FILES =
      List.of(
          "realKnownCause/nyc_taxi.csv",
          "realTweets/Twitter_volume_AAPL.csv",
          "realTweets/Twitter_volume_AMZN.csv",
          "realTweets/Twitter_volume_CRM.csv",
          "realTweets/Twitter_volume_CVS.csv",
          "realTweets/Twitter_volume_FB.csv",
          "realTweets/Twitter_volume_GOOG.csv",
          "realTweets/Twitter_volume_IBM.csv",
          "realTweets/Twitter_volume_KO.csv",
          "realTweets/Twitter_volume_PFE.csv",
          "realTweets/Twitter_volume_UPS.csv");

  private HourlySeries() {}

  static Path nabData() {
    String configured = System.getProperty("lrcp.data.dir", "");
    Path data = configured.isBlank() ? Path.of("..", "shared", "data") : Path.of(configured);
    return data.resolve("nab-dev").resolve("data");
  }

  static Series load(String file) {
    TreeMap<Long, double[]> hours = new TreeMap<>();
    for (String line : lines(nabData().resolve(file))) {
      String[] cells = line.split(",");
      long t =
          LocalDateTime.parse(cells[0].strip().replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
      double[] sum = hours.computeIfAbsent(t - Math.floorMod(t, 3600), h -> new double[2]);
      sum[0] += Double.parseDouble(cells[1].strip());
      sum[1]++;
    }
    double full = hours.values().stream().mapToDouble(s -> s[1]).max().orElse(0);
    if (hours.firstEntry().getValue()[1] < full) {
      hours.pollFirstEntry();
    }
    if (hours.lastEntry().getValue()[1] < full) {
      hours.pollLastEntry();
    }
    long[] times = hours.keySet().stream().mapToLong(Long::longValue).toArray();
    double[] values = hours.values().stream().mapToDouble(s -> s[0]).toArray();
    return new Series(times, values, List.of());
  }

  private static List<String> lines(Path path) {
    try {
      return Files.readAllLines(path).stream().skip(1).filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read NAB development data " + path, e);
    }
  }
}
