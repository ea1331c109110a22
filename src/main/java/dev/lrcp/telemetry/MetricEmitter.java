package dev.lrcp.telemetry;

import com.timgroup.statsd.StatsDClient;
import dev.lrcp.telemetry.MetricCatalog.MetricDefinition;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Sends one metric line with the type the catalog declares. Refuses (throws {@link
 * IllegalArgumentException}) a tag the catalog does not declare for that metric: a programming
 * error that the wire tests catch, and that the event multicaster logs instead of passing to a
 * request. A frozen {@link Tags} set is checked once per metric, not on every line.
 */
final class MetricEmitter {

  private final StatsDClient client;
  private final Map<Metric, MetricDefinition> definitions = new EnumMap<>(Metric.class);
  private final Map<Metric, Set<String>> allowedTags = new EnumMap<>(Metric.class);

  MetricEmitter(StatsDClient client, MetricCatalog catalog) {
    this.client = client;
    for (Metric metric : Metric.values()) {
      MetricDefinition definition =
          catalog
              .find(metric.metricName())
              .orElseThrow(
                  () -> new IllegalStateException(metric.metricName() + " is not in the catalog"));
      definitions.put(metric, definition);
      allowedTags.put(metric, Set.copyOf(definition.tags()));
    }
  }

  void emit(Metric metric, double value, Tags tags) {
    String[] rendered = checked(metric, tags);
    String name = metric.metricName();
    switch (definitions.get(metric).type()) {
      case COUNT -> client.count(name, value, rendered);
      case GAUGE -> client.gauge(name, value, rendered);
      case DISTRIBUTION -> client.distribution(name, value, rendered);
    }
  }

  /**
   * The same line for a whole number: the client then boxes a (mostly cached) {@code Long} and
   * prints it with {@code StringBuilder.append(long)} instead of a {@code NumberFormat}.
   */
  void emit(Metric metric, long value, Tags tags) {
    String[] rendered = checked(metric, tags);
    String name = metric.metricName();
    switch (definitions.get(metric).type()) {
      case COUNT -> client.count(name, value, rendered);
      case GAUGE -> client.gauge(name, value, rendered);
      case DISTRIBUTION -> client.distribution(name, value, rendered);
    }
  }

  private String[] checked(Metric metric, Tags tags) {
    if (!tags.checkedFor(metric.ordinal())) {
      check(metric, tags);
      tags.markChecked(metric.ordinal());
    }
    return tags.toArray();
  }

  private void check(Metric metric, Tags tags) {
    Set<String> allowed = allowedTags.get(metric);
    for (String key : tags.keys()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            "tag " + key + " is not declared for " + metric.metricName());
      }
    }
  }
}
