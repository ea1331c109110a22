package dev.lrcp.datadog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The metric points of a replay at one-minute resolution, as Datadog would store them for the
 * service: per metric and tag set, the summed count, the gauge's last value or the distribution's
 * samples of each minute.
 */
final class ReplaySeries {

  /** The values of one metric with one tag set in one minute. */
  record Point(Map<String, String> tags, int minute, List<Double> values) {}

  private final Map<String, Map<Map<String, String>, TreeMap<Integer, List<Double>>>> metrics =
      new HashMap<>();
  private int lastMinute = -1;

  void count(String metric, Map<String, String> tags, int minute, double value) {
    List<Double> values = cell(metric, tags, minute);
    if (values.isEmpty()) values.add(value);
    else values.set(0, values.getFirst() + value);
  }

  void gauge(String metric, Map<String, String> tags, int minute, double value) {
    List<Double> values = cell(metric, tags, minute);
    values.clear();
    values.add(value);
  }

  void sample(String metric, Map<String, String> tags, int minute, double value) {
    cell(metric, tags, minute).add(value);
  }

  /** Every point of the metric from minute {@code from} to {@code to}, both included. */
  void forEach(String metric, int from, int to, Consumer<Point> action) {
    metrics
        .getOrDefault(metric, Map.of())
        .forEach(
            (tags, byMinute) ->
                byMinute
                    .subMap(from, true, to, true)
                    .forEach((minute, values) -> action.accept(new Point(tags, minute, values))));
  }

  int lastMinute() {
    return lastMinute;
  }

  private List<Double> cell(String metric, Map<String, String> tags, int minute) {
    lastMinute = Math.max(lastMinute, minute);
    return metrics
        .computeIfAbsent(metric, m -> new HashMap<>())
        .computeIfAbsent(Map.copyOf(tags), t -> new TreeMap<>())
        .computeIfAbsent(minute, m -> new ArrayList<>());
  }
}
