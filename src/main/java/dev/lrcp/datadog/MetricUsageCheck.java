package dev.lrcp.datadog;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one metric reference against the catalog: the metric is emitted, the aggregation fits its
 * type (percentiles only on distributions, {@code as_count()} only on counts, counts always as
 * counts or rates) and every tag it filters or groups on is emitted on that metric.
 */
final class MetricUsageCheck {

  private MetricUsageCheck() {}

  static List<String> check(MetricRef ref, MetricCatalog catalog) {
    List<String> problems = new ArrayList<>();
    MetricCatalog.Metric metric = catalog.metrics().get(ref.name());
    if (metric == null) {
      return List.of(ref.name() + ": not in the metric catalog (never emitted)");
    }
    String type = metric.type();
    boolean asCount = ref.methods().contains("as_count") || ref.methods().contains("as_rate");
    if (ref.isPercentile() && !type.equals("distribution")) {
      problems.add(
          ref.name() + ": " + ref.spaceAggregator() + " needs a distribution, is a " + type);
    }
    if (type.equals("count") && !asCount) {
      problems.add(ref.name() + ": a count must be read with .as_count() or .as_rate()");
    }
    if (asCount && !type.equals("count")) {
      problems.add(ref.name() + ": .as_count()/.as_rate() on a " + type);
    }
    List<String> keys = new ArrayList<>(ref.scopeTagKeys());
    keys.addAll(ref.groupBy());
    for (String key : keys) {
      if (!metric.tags().contains(key) && !catalog.constantTags().contains(key)) {
        problems.add(ref.name() + ": tag '" + key + "' is not emitted on this metric");
      }
    }
    return problems;
  }
}
