package dev.lrcp.datadog;

import java.util.List;

/**
 * A parsed metric query. Graph and SLO queries have no time aggregation, window, comparator or
 * threshold (those are null).
 *
 * @param functions top-level and nested function names used ({@code anomalies}, {@code forecast})
 * @param expression the arithmetic between time aggregation and comparator
 */
record ParsedQuery(
    String timeAggregation,
    String window,
    String comparator,
    Double threshold,
    List<MetricRef> metrics,
    List<String> functions,
    QueryExpr expression) {}
