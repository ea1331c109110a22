package dev.lrcp.datadog;

import java.util.List;

/**
 * One metric inside a query: {@code p95:llm.request.latency_ms{service:x} by {env}.as_count()}.
 *
 * @param scope filter terms as written ({@code service:x}, {@code !outcome:error}, {@code $env})
 * @param methods trailing methods without arguments ({@code as_count}, {@code rollup})
 */
record MetricRef(
    String spaceAggregator,
    String name,
    List<String> scope,
    List<String> groupBy,
    List<String> methods) {

  boolean isPercentile() {
    return spaceAggregator.startsWith("p");
  }

  /** Tag keys the query filters on; template variables count as the tag of the same name. */
  List<String> scopeTagKeys() {
    return scope.stream()
        .filter(t -> !t.equals("*"))
        .map(t -> t.startsWith("!") ? t.substring(1) : t)
        .map(t -> t.startsWith("$") ? t.substring(1) : t)
        .map(t -> t.contains(":") ? t.substring(0, t.indexOf(':')) : t)
        .toList();
  }
}
