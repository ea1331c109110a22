package dev.lrcp.datadog;

/**
 * Drill traffic ({@code simulate_*} toggles, {@code /stress}) carries {@code traffic:injected}; a
 * query judging real users leaves it out. {@code !traffic:injected} also keeps calls from versions
 * that do not send the tag yet, which {@code traffic:organic} would drop.
 */
final class Drills {

  static final String TAG = "traffic";

  private Drills() {}

  /** True when the metric has no traffic tag or the scope leaves injected calls out. */
  static boolean excluded(MetricRef ref, MetricCatalog catalog) {
    MetricCatalog.Metric metric = catalog.metrics().get(ref.name());
    if (metric == null || !metric.tags().contains(TAG)) return true;
    return ref.scope().contains("!" + TAG + ":injected") || ref.scope().contains(TAG + ":organic");
  }
}
