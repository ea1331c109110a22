package dev.lrcp.datadog;

import java.util.List;

/** The arithmetic of a metric query, as parsed: what a replay of the query evaluates. */
sealed interface QueryExpr {

  record Number(double value) implements QueryExpr {}

  record Metric(MetricRef ref) implements QueryExpr {}

  /** {@code op} is one of {@code + - * /}. */
  record Binary(char op, QueryExpr left, QueryExpr right) implements QueryExpr {}

  /** A function such as {@code anomalies(query, 'agile', 3)}: its query and the other arguments. */
  record Call(String function, QueryExpr argument, List<String> arguments) implements QueryExpr {}
}
