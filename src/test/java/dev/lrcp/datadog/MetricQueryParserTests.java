package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.datadog.MetricQueryParser.QuerySyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricQueryParserTests {

  @Test
  void parsesAMonitorQueryIntoItsParts() {
    ParsedQuery q =
        MetricQueryParser.parseMonitor(
            "avg(last_5m):p95:llm.request.latency_ms{service:x,!outcome:error} by {env,endpoint} > 3000");
    assertThat(q.timeAggregation()).isEqualTo("avg");
    assertThat(q.window()).isEqualTo("last_5m");
    assertThat(q.comparator()).isEqualTo(">");
    assertThat(q.threshold()).isEqualTo(3000.0);
    MetricRef ref = q.metrics().getFirst();
    assertThat(ref.spaceAggregator()).isEqualTo("p95");
    assertThat(ref.name()).isEqualTo("llm.request.latency_ms");
    assertThat(ref.scopeTagKeys()).containsExactly("service", "outcome");
    assertThat(ref.groupBy()).containsExactly("env", "endpoint");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sum(last_10m):sum:a.b{x:y} by {env}.as_count() / sum:c.d{x:y} by {env}.as_count() > 0.05",
        "avg(last_4h):anomalies(sum:a.b{*} by {env}.as_count(), 'agile', 3, direction='above', alert_window='last_30m', interval=120, count_default_zero='true') >= 1",
        "max(next_1w):forecast(avg:a.b{*}, 'linear', 1, interval='60m', history='1w', model='default') >= 3",
        "pct_change(avg(last_5m),5m_ago):avg:a.b{*} > 50",
        "max(last_5m):max:a.b{service:x,scope:endpoint:/qa} by {model} >= 2",
        "avg(last_10m):p99.9:a.b{*} > 1 ",
      })
  void acceptsTheMonitorFormsDatadogAccepts(String query) {
    assertThat(MetricQueryParser.parseMonitor(query).metrics()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // ratio repeating the time aggregation on the right-hand side (original AI-engineer
        // monitors)
        "avg(last_10m):avg:a.b{*} / avg(last_10m):avg:c.d{*} > 10",
        // stddev is no time aggregator
        "stddev(last_30m):avg:a.b{*} > 0.3",
        // time aggregation inside anomalies() (original anomaly monitors)
        "anomalies(avg(last_15m):sum:a.b{*} by {endpoint}, 'basic', 2) >= 1",
        "avg(last_4h):anomalies(sum:a.b{*}, 'fancy', 2) >= 1",
        "avg(last_5m):avg:a.b{*}",
        "avg(last_5m):avg:a.b{} > 1",
        "avg(last_5m):avg:a.b{*}.as_percent() > 1",
        "avg(last_5m):avg:a.b{$env} > 1",
        "avg(next_1w):avg:a.b{*} > 1",
        "avg(last_5m):median:a.b{*} > 1",
        "sum(last_3d):sum:a.b{*}.as_count() > 1",
        "avg(last_0m):avg:a.b{*} > 1",
      })
  void rejectsTheBadMonitorForms(String query) {
    assertThatThrownBy(() -> MetricQueryParser.parseMonitor(query))
        .isInstanceOf(QuerySyntaxException.class);
  }

  @Test
  void graphQueriesHaveNoTimeAggregationOrComparator() {
    assertThat(
            MetricQueryParser.parseGraph("anomalies(sum:a.b{$env}.as_count(), 'agile', 3)")
                .functions())
        .containsExactly("anomalies");
    assertThatThrownBy(
            () -> MetricQueryParser.parseGraph("forecast(avg(last_1h):sum:a.b{*}, 'linear', 6)"))
        .isInstanceOf(QuerySyntaxException.class);
    assertThatThrownBy(() -> MetricQueryParser.parseGraph("p95:a.b{*} < 1500"))
        .isInstanceOf(QuerySyntaxException.class);
  }

  @Test
  void formulasNameTheirQueriesAndCompositesCombineMonitorIds() {
    assertThat(MetricQueryParser.parseFormula("100 * errors / requests"))
        .containsExactly("errors", "requests");
    assertThat(MetricQueryParser.parseComposite("123 && (456 || !789)"))
        .isEqualTo(
            new BoolExpr.And(
                new BoolExpr.Monitor(123),
                new BoolExpr.Or(
                    new BoolExpr.Monitor(456), new BoolExpr.Not(new BoolExpr.Monitor(789)))));
    assertThat(MetricQueryParser.parseComposite("1 && 2 || !3"))
        .isEqualTo(
            new BoolExpr.Or(
                new BoolExpr.And(new BoolExpr.Monitor(1), new BoolExpr.Monitor(2)),
                new BoolExpr.Not(new BoolExpr.Monitor(3))));
    assertThatThrownBy(
            () -> MetricQueryParser.parseComposite("avg(last_10m):avg:a.b{*} < 60 && 456"))
        .isInstanceOf(QuerySyntaxException.class);
  }

  @Test
  void parsesTheArithmeticWithMultiplicationBeforeSubtraction() {
    ParsedQuery q =
        MetricQueryParser.parseMonitor(
            "sum(last_15m):100 * (sum:a{x:y}.as_count() - sum:b{x:y}.as_count()) / sum:a{x:y}.as_count() > 5");
    var a = new QueryExpr.Metric(q.metrics().get(0));
    var b = new QueryExpr.Metric(q.metrics().get(1));
    var again = new QueryExpr.Metric(q.metrics().get(2));
    assertThat(q.expression())
        .isEqualTo(
            new QueryExpr.Binary(
                '/',
                new QueryExpr.Binary(
                    '*', new QueryExpr.Number(100), new QueryExpr.Binary('-', a, b)),
                again));
    assertThat(MetricQueryParser.parseGraph("1 - 2 * 3").expression())
        .isEqualTo(
            new QueryExpr.Binary(
                '-',
                new QueryExpr.Number(1),
                new QueryExpr.Binary('*', new QueryExpr.Number(2), new QueryExpr.Number(3))));
  }
}
