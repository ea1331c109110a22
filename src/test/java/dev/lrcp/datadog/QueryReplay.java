package dev.lrcp.datadog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the metric query forms the assets use against a {@link ReplaySeries}: space aggregation
 * per minute and group ({@code sum} of counts, {@code pNN}/{@code avg}/{@code count} of
 * distribution samples, {@code avg}/{@code max}/... of gauges), arithmetic between groups, and the
 * monitor's time aggregation over its window. As Datadog does for {@code .as_count()} monitors, a
 * {@code sum} over counts totals each metric over the window before the arithmetic; every other
 * query computes the arithmetic per minute and then aggregates the minutes that have a value.
 * Percentiles are exact nearest-rank, not Datadog's sketches. {@code anomalies()} and {@code
 * forecast()} are not evaluated.
 */
final class QueryReplay {

  /** The group of an ungrouped query, and of a number. */
  static final Map<String, String> NO_GROUP = Map.of();

  private static final Pattern WINDOW = Pattern.compile("last_(\\d+)([mhd])");

  private final ReplaySeries series;
  private final MetricCatalog catalog;

  QueryReplay(ReplaySeries series, MetricCatalog catalog) {
    this.series = series;
    this.catalog = catalog;
  }

  /** The monitor query's value per group at {@code minute}; a group without data has no entry. */
  Map<Map<String, String>, Double> monitor(ParsedQuery q, int minute) {
    int from = minute - minutes(q.window()) + 1;
    if (sumsCounts(q)) return evaluate(q.expression(), from, minute);
    Map<Map<String, String>, List<Double>> byGroup = new HashMap<>();
    for (int m = from; m <= minute; m++) {
      evaluate(q.expression(), m, m)
          .forEach((g, v) -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(v));
    }
    Map<Map<String, String>, Double> out = new HashMap<>();
    byGroup.forEach((g, values) -> out.put(g, aggregate(q.timeAggregation(), values)));
    return out;
  }

  /** A query over the minutes {@code from}..{@code to}, each metric aggregated over all of them. */
  Map<Map<String, String>, Double> evaluate(QueryExpr e, int from, int to) {
    return evaluate(e, Map.of(), from, to);
  }

  /**
   * A formula, whose names stand for the given queries, or a query ({@code named} empty). Of the
   * functions only {@code clamp_min} and {@code clamp_max} are evaluated.
   */
  Map<Map<String, String>, Double> evaluate(
      QueryExpr e, Map<String, QueryExpr> named, int from, int to) {
    return switch (e) {
      case QueryExpr.Number n -> Map.of(NO_GROUP, n.value());
      case QueryExpr.Metric m when named.containsKey(m.ref().name()) ->
          evaluate(named.get(m.ref().name()), from, to);
      case QueryExpr.Metric m -> bucket(m.ref(), from, to);
      case QueryExpr.Binary b ->
          combine(
              b.op(), evaluate(b.left(), named, from, to), evaluate(b.right(), named, from, to));
      case QueryExpr.Call c when c.function().startsWith("clamp_") -> {
        double bound = Double.parseDouble(c.arguments().getFirst());
        Map<Map<String, String>, Double> out = new HashMap<>();
        evaluate(c.argument(), named, from, to)
            .forEach(
                (g, v) ->
                    out.put(
                        g,
                        c.function().equals("clamp_min")
                            ? Math.max(v, bound)
                            : Math.min(v, bound)));
        yield out;
      }
      case QueryExpr.Call c ->
          throw new UnsupportedOperationException(c.function() + "() is not replayed");
    };
  }

  /** True when the query sums counts: Datadog totals them over the window, then divides. */
  boolean sumsCounts(ParsedQuery q) {
    return q.timeAggregation().equals("sum")
        && q.metrics().stream()
            .allMatch(r -> type(r).equals("count") && r.methods().contains("as_count"));
  }

  static int minutes(String window) {
    Matcher m = WINDOW.matcher(window);
    if (!m.matches()) throw new IllegalArgumentException("window " + window);
    int n = Integer.parseInt(m.group(1));
    return switch (m.group(2)) {
      case "m" -> n;
      case "h" -> n * 60;
      default -> n * 1440;
    };
  }

  private Map<Map<String, String>, Double> bucket(MetricRef ref, int from, int to) {
    Map<Map<String, String>, List<Double>> values = new HashMap<>();
    series.forEach(
        ref.name(),
        from,
        to,
        p -> {
          if (!ReplayScope.matches(ref.scope(), p.tags())) return;
          values
              .computeIfAbsent(group(ref.groupBy(), p.tags()), g -> new ArrayList<>())
              .addAll(p.values());
        });
    String aggregator = type(ref).equals("count") ? "sum" : ref.spaceAggregator();
    Map<Map<String, String>, Double> out = new HashMap<>();
    values.forEach((g, v) -> out.put(g, aggregate(aggregator, v)));
    return out;
  }

  private static Map<Map<String, String>, Double> combine(
      char op, Map<Map<String, String>, Double> left, Map<Map<String, String>, Double> right) {
    Map<Map<String, String>, Double> out = new HashMap<>();
    boolean leftScalar = left.keySet().equals(java.util.Set.of(NO_GROUP));
    boolean rightScalar = right.keySet().equals(java.util.Set.of(NO_GROUP));
    for (var groups : List.of(left.keySet(), right.keySet())) {
      for (Map<String, String> g : groups) {
        Double l = leftScalar ? left.get(NO_GROUP) : left.get(g);
        Double r = rightScalar ? right.get(NO_GROUP) : right.get(g);
        if (l == null || r == null) continue; // a series missing on one side has no value
        double v =
            switch (op) {
              case '+' -> l + r;
              case '-' -> l - r;
              case '*' -> l * r;
              default -> l / r;
            };
        if (Double.isFinite(v)) out.put(g, v);
      }
    }
    return out;
  }

  static double aggregate(String aggregator, List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    if (aggregator.startsWith("p")) {
      double rank = Double.parseDouble(aggregator.substring(1)) / 100 * sorted.size();
      return sorted.get(Math.max(0, (int) Math.ceil(rank) - 1));
    }
    return switch (aggregator) {
      case "sum" -> sorted.stream().mapToDouble(Double::doubleValue).sum();
      case "avg" -> sorted.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      case "count" -> sorted.size();
      case "min" -> sorted.getFirst();
      case "max" -> sorted.getLast();
      case "last" -> values.getLast();
      default -> throw new IllegalArgumentException("aggregator " + aggregator);
    };
  }

  private String type(MetricRef ref) {
    MetricCatalog.Metric metric = catalog.metrics().get(ref.name());
    if (metric == null) throw new IllegalArgumentException(ref.name() + " is not in the catalog");
    return metric.type();
  }

  private static Map<String, String> group(List<String> keys, Map<String, String> tags) {
    Map<String, String> g = new TreeMap<>();
    for (String k : keys) g.put(k, tags.getOrDefault(k, "N/A"));
    return Map.copyOf(g);
  }
}
