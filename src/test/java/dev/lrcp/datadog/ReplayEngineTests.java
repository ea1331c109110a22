package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replay's evaluator on small hand-made series, against Datadog's documented semantics. */
class ReplayEngineTests {

  private static final MetricCatalog CATALOG = MetricCatalog.fromClasspath();
  private static final Map<String, String> PROD = Map.of("env", "prod", "endpoint", "/qa");
  private final ReplaySeries series = new ReplaySeries();
  private final QueryReplay replay = new QueryReplay(series, CATALOG);

  @Test
  void countsAreTotalledOverTheWindowBeforeDividing() {
    series.count("llm.error.count", PROD, 0, 1);
    for (int m = 0; m < 10; m++) series.count("llm.request.count", PROD, m, m == 0 ? 1 : 10);
    var q =
        MetricQueryParser.parseMonitor(
            "sum(last_10m):100 * sum:llm.error.count{*} by {env}.as_count()"
                + " / sum:llm.request.count{*} by {env}.as_count() > 5");
    assertThat(replay.monitor(q, 9).get(Map.of("env", "prod"))).isCloseTo(100.0 / 91, within(1e-9));
  }

  @Test
  void percentilesArePerMinuteThenAveragedOverTheMinutesWithData() {
    for (int v = 1; v <= 20; v++) series.sample("llm.request.latency_ms", PROD, 0, v);
    series.sample("llm.request.latency_ms", PROD, 1, 100);
    var q = MetricQueryParser.parseMonitor("avg(last_5m):p95:llm.request.latency_ms{*} > 1");
    assertThat(replay.monitor(q, 4).get(QueryReplay.NO_GROUP)).isEqualTo((19 + 100) / 2.0);
  }

  @Test
  void aNegatedTagKeepsPointsWithoutTheTag() {
    series.count("llm.request.count", PROD, 0, 3);
    series.count("llm.request.count", Map.of("env", "prod", "traffic", "injected"), 0, 5);
    var q =
        MetricQueryParser.parseMonitor(
            "sum(last_1m):sum:llm.request.count{!traffic:injected}.as_count() > 1");
    assertThat(replay.monitor(q, 0).get(QueryReplay.NO_GROUP)).isEqualTo(3);
  }

  @Test
  void aTriggeredGroupRecoversOnlyPastItsRecoveryThreshold() {
    var threshold = threshold("{\"critical\": 5, \"critical_recovery\": 3}", "");
    assertThat(threshold.status(ReplayStatus.OK, 6)).isEqualTo(ReplayStatus.ALERT);
    assertThat(threshold.status(ReplayStatus.ALERT, 4)).isEqualTo(ReplayStatus.ALERT);
    assertThat(threshold.status(ReplayStatus.OK, 4)).isEqualTo(ReplayStatus.OK);
    assertThat(threshold.status(ReplayStatus.ALERT, 2)).isEqualTo(ReplayStatus.OK);
  }

  @Test
  void aDistributionMonitorKeepsAlertWithoutDataUntilItsTimeout() {
    series.sample("llm.request.latency_ms", PROD, 0, 9000);
    String query = "avg(last_5m):p95:llm.request.latency_ms{*} by {env} > 3000";
    assertThat(statusAfter(monitor(query, "{\"critical\": 3000}", ""), 200))
        .isEqualTo(ReplayStatus.ALERT);
    assertThat(statusAfter(monitor(query, "{\"critical\": 3000}", ", \"timeout_h\": 1"), 200))
        .isEqualTo(ReplayStatus.OK);
  }

  @Test
  void compositesCombineStatusesAsDatadogDocumentsThem() {
    var and = MetricQueryParser.parseComposite("0 && 1");
    var or = MetricQueryParser.parseComposite("0 || 1");
    var not = MetricQueryParser.parseComposite("!0");
    var alert = ReplayStatus.ALERT;
    assertThat(CompositeReplay.evaluate(and, List.of(alert, ReplayStatus.WARN)))
        .isEqualTo(ReplayStatus.WARN);
    assertThat(CompositeReplay.evaluate(and, List.of(alert, ReplayStatus.OK)))
        .isEqualTo(ReplayStatus.OK);
    assertThat(CompositeReplay.evaluate(or, List.of(alert, ReplayStatus.OK))).isEqualTo(alert);
    assertThat(CompositeReplay.evaluate(not, List.of(alert))).isEqualTo(ReplayStatus.OK);
    assertThat(CompositeReplay.evaluate(not, List.of(ReplayStatus.OK))).isEqualTo(alert);
  }

  @Test
  void aMessageReachesTheHandlesOfItsTransitionAndEnvironment() {
    String message =
        "x {{#is_alert}}{{#is_exact_match \"env.name\" \"prod\"}}@pagerduty-p"
            + "{{else}}@slack-s{{/is_exact_match}}{{/is_alert}}{{#is_recovery}}@slack-r{{/is_recovery}}";
    assertThat(handles(message, "is_alert", "prod")).containsExactly("pagerduty-p");
    assertThat(handles(message, "is_alert", "preprod")).containsExactly("slack-s");
    assertThat(handles(message, "is_recovery", "prod")).containsExactly("slack-r");
    assertThat(handles(message, "is_warning", "prod")).isEmpty();
  }

  @Test
  void aTimeSliceSloCountsSlicesWithFewCallsOrNoneAsGood() throws Exception {
    JsonNode latency = new ObjectMapper().readTree(Path.of("datadog/slos/latency.json").toFile());
    Map<String, String> answered =
        Map.of("env", "prod", "outcome", "success", "service", AssetLinter.SERVICE);
    for (int m = 0; m < 60; m++) {
      for (int i = 0; i < 5; i++) {
        series.count("llm.request.count", answered, m, 1);
        series.sample("llm.request.latency_ms", answered, m, m >= 55 ? 8000 : 900);
      }
    }
    series.count("llm.request.count", answered, 100, 1);
    series.sample("llm.request.latency_ms", answered, 100, 8000);
    var slo = new SloReplay(latency, replay);
    assertThat(slo.burnRate("30d", 60, 59)).isCloseTo(100.0 / 12, within(1e-9));
    assertThat(slo.burnRate("30d", 5, 59)).isCloseTo(100.0, within(1e-9));
    assertThat(slo.burnRate("30d", 5, 104)).isZero();
  }

  private ThresholdReplay threshold(String thresholds, String options) {
    return monitor("avg(last_5m):avg:llm.health_score{*} > 5", thresholds, options);
  }

  private ThresholdReplay monitor(String query, String thresholds, String options) {
    try {
      JsonNode o = new ObjectMapper().readTree("{\"thresholds\": " + thresholds + options + "}");
      return new ThresholdReplay(MetricQueryParser.parseMonitor(query), o, replay);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ReplayStatus statusAfter(ThresholdReplay monitor, int minutes) {
    Map<Map<String, String>, ReplayStatus> status = new java.util.HashMap<>();
    for (int m = 0; m <= minutes; m++) {
      status.putAll(monitor.next(m, g -> status.getOrDefault(g, ReplayStatus.OK)));
    }
    return status.get(Map.of("env", "prod"));
  }

  private static List<String> handles(String message, String condition, String env) {
    var event = new NotificationTemplate.Event(Set.of(condition), Map.of("env", env));
    return NotificationTemplate.handles(NotificationTemplate.render(message, event));
  }
}
