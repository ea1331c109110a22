package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each rule rejects a bad asset: a real asset from {@code datadog/} is copied, broken in one way,
 * and the linter must name the defect (the unbroken set is clean, see {@link
 * AssetValidationTests}).
 */
class AssetLinterTests {

  private final List<Asset> assets = AssetLoader.load(AssetValidationTests.ASSETS);
  private final MetricCatalog catalog = MetricCatalog.fromClasspath();

  @Test
  void percentileOnANonDistributionIsReported() {
    assertThat(
            lintMonitor(
                "error-rate-condition",
                m -> replace(m, "query", "sum:llm.error.count", "p95:llm.error.count")))
        .anyMatch(p -> p.contains("p95 needs a distribution"));
  }

  @Test
  void metricsTheServiceNeverEmitsAreReported() {
    assertThat(
            lintMonitor(
                "storage-dropped",
                m -> replace(m, "query", "llm.storage.dropped.count", "llm.rate_limit.count")))
        .anyMatch(p -> p.contains("llm.rate_limit.count: not in the metric catalog"));
  }

  @Test
  void tagsNotEmittedOnTheMetricAreReported() {
    assertThat(
            lintMonitor(
                "circuit-breaker-open",
                m -> replace(m, "query", "by {service,env,model}", "by {service,env,component}")))
        .anyMatch(p -> p.contains("tag 'component' is not emitted"));
  }

  @Test
  void countsReadWithoutAsCountAreReported() {
    assertThat(lintMonitor("storage-dropped", m -> replace(m, "query", ".as_count()", "")))
        .anyMatch(p -> p.contains("a count must be read with .as_count()"));
  }

  @Test
  void missingRunbookSectionAndMismatchedThresholdAreReported() {
    assertThat(lintMonitor("latency-p95", m -> replace(m, "message", "**What next**", "Next")))
        .anyMatch(p -> p.contains("runbook section **What next"));
    assertThat(
            lintMonitor(
                "latency-p95-condition",
                m -> ((ObjectNode) m.at("/options/thresholds")).put("critical", 2000)))
        .anyMatch(p -> p.contains("critical must equal the query threshold"));
  }

  @Test
  void danglingReferencesAreReported() {
    assertThat(lintMonitor("error-rate", m -> replace(m, "query", "volume}", "no-such-monitor}")))
        .anyMatch(p -> p.contains("dangling reference ${monitor:no-such-monitor}"));
  }

  @Test
  void aPageOutsideTheProductionConditionIsReported() {
    String gated = MessageRules.PROD_BLOCK + "@pagerduty-llm-reliability @slack-llm-oncall";
    assertThat(
            lintMonitor(
                "heartbeat",
                m -> replace(m, "message", gated, "@pagerduty-llm-reliability @slack-llm-oncall")))
        .anyMatch(p -> p.contains("a @pagerduty handle outside {{#is_exact_match \"env.name\""));
  }

  @Test
  void aCauseMonitorCannotPage() {
    assertThat(
            lintMonitor(
                "error-rate",
                m -> replace(m, "message", "@slack-llm-oncall", "@pagerduty-llm-reliability")))
        .anyMatch(p -> p.contains("@pagerduty-llm-reliability is not allowed for tier:channel"));
    assertThat(
            lintMonitor(
                "circuit-breaker-open",
                m -> {
                  retag(m, "tier:channel", "tier:page");
                  replace(
                      m,
                      "message",
                      "{{#is_alert}}@slack-llm-oncall",
                      "{{#is_alert}}"
                          + MessageRules.PROD_BLOCK
                          + "@pagerduty-x{{/is_exact_match}}");
                }))
        .anyMatch(p -> p.contains("only symptoms page"))
        .anyMatch(p -> p.contains("pages only on missing data, not in {{#is_alert}}"));
  }

  @Test
  void aBurnRateAlertPagesOnlyForAProductionSloThatLeavesDrillsOut() {
    List<String> problems =
        lint(
            AssetKind.SLOS,
            "availability",
            s -> {
              replace((ObjectNode) s.get("query"), "numerator", "env:prod,", "");
              replace((ObjectNode) s.get("query"), "denominator", ",!traffic:injected", "");
            });
    assertThat(problems)
        .anyMatch(
            p -> p.startsWith("slos/availability.json") && p.contains("scope must be env:prod"))
        .anyMatch(
            p -> p.startsWith("slos/availability.json") && p.contains("must leave drills out"))
        .anyMatch(
            p ->
                p.startsWith("monitors/availability-fast-burn.json")
                    && p.contains("pages without being limited to production"));
  }

  @Test
  void aRateOrPercentileWithoutAVolumeGuardIsReported() {
    assertThat(lintMonitor("volume", m -> replace(m, "query", ">= 20", ">= 5")))
        .anyMatch(
            p ->
                p.startsWith("monitors/error-rate-condition.json")
                    && p.contains("no composite combines it (&&) with a volume monitor"));
    assertThat(lintMonitor("volume", m -> replace(m, "query", "last_15m", "last_10m")))
        .anyMatch(p -> p.startsWith("monitors/latency-p95-condition.json") && p.contains("volume"));
    assertThat(lintMonitor("error-rate-condition", m -> retag(m, "tier:condition", "tier:channel")))
        .anyMatch(p -> p.contains("notifies only through a composite with a volume guard"))
        .anyMatch(p -> p.contains("message notifies no handle"));
  }

  @Test
  void thresholdsWithoutRecoveryAreReported() {
    assertThat(
            lintMonitor(
                "latency-p95-condition",
                m -> ((ObjectNode) m.at("/options/thresholds")).remove("critical_recovery")))
        .anyMatch(p -> p.contains("critical_recovery is missing"));
    assertThat(
            lintMonitor(
                "latency-p95-condition",
                m -> ((ObjectNode) m.at("/options/thresholds")).put("warning_recovery", 2600)))
        .anyMatch(p -> p.contains("warning_recovery 2600.0 is not on the non-alerting side"));
  }

  @Test
  void distributionMonitorsWithoutTimeoutAreReported() {
    assertThat(
            lintMonitor(
                "latency-p95-condition", m -> ((ObjectNode) m.get("options")).remove("timeout_h")))
        .anyMatch(p -> p.contains("needs options.timeout_h"));
  }

  @Test
  void runbookPagesMustExist() {
    assertThat(
            lintMonitor(
                "error-rate",
                m -> replace(m, "message", "docs/runbooks/error-rate.md", "docs/runbooks/nope.md")))
        .anyMatch(p -> p.contains("runbook docs/runbooks/nope.md does not exist"));
    assertThat(
            lintMonitor(
                "circuit-breaker-open",
                m -> replace(m, "message", "docs/runbooks/circuit-breaker.md", "the wiki")))
        .anyMatch(p -> p.contains("names no runbook page"));
  }

  @Test
  void linksMustBeScopedToTheAlertsEndpointModelAndTime() {
    assertThat(
            lintMonitor(
                "error-rate",
                m -> {
                  replace(m, "message", "%20%40model%3A%22{{model.name}}%22", "");
                  replace(m, "message", "%20%40llm.model%3A%22{{model.name}}%22", "");
                }))
        .anyMatch(p -> p.contains("logs link: query lacks @model:\"{{model.name}}\""))
        .anyMatch(p -> p.contains("apm/traces link: query lacks @llm.model:\"{{model.name}}\""));
    assertThat(lintMonitor("latency-p95", m -> replace(m, "message", "&from_ts=", "&since=")))
        .anyMatch(p -> p.contains("not limited to the alert's time"));
    assertThat(
            lintMonitor(
                "latency-p95",
                m ->
                    replace(
                        m, "message", "env%3A{{env.name}}", "env%3A{{env.name}}%20status%3Aerror")))
        .anyMatch(p -> p.contains("filters on status"));
  }

  @Test
  void valuesWithoutAUnitAndRatiosNotInPercentAreReported() {
    assertThat(
            lintMonitor("error-rate", m -> replace(m, "message", "{{a.value}} %", "{{a.value}}")))
        .anyMatch(p -> p.contains("'{{a.value}}' is not followed by a unit"));
    assertThat(
            lintMonitor(
                "error-rate-condition",
                m -> {
                  replace(m, "query", "100 * ", "");
                  replace(m, "query", "> 5", "> 0.05");
                  var t = (ObjectNode) m.at("/options/thresholds");
                  t.put("critical", 0.05).put("critical_recovery", 0.03);
                  t.put("warning", 0.02).put("warning_recovery", 0.01);
                }))
        .containsExactly(
            "monitors/error-rate-condition.json: a ratio must read as a percentage: write it 100 * a / b");
  }

  @Test
  void drillTrafficMustBeLeftOutOfMonitors() {
    assertThat(
            lintMonitor(
                "latency-p95-condition", m -> replace(m, "query", ",!traffic:injected", "")))
        .anyMatch(p -> p.contains("llm.request.latency_ms: must leave drills out"));
  }

  @Test
  void burnRateAlertsNeedAnSloTimeframeAWindowDatadogAcceptsAndAReachableThreshold() {
    assertThat(
            lintMonitor(
                "availability-fast-burn",
                m -> replace(m, "query", "over(\"30d\")", "over(\"14d\")")))
        .anyMatch(p -> p.contains("an slo alert query is burn_rate("));
    assertThat(
            lintMonitor(
                "availability-slow-burn",
                m -> replace(m, "query", "long_window(\"48h\")", "long_window(\"72h\")")))
        .anyMatch(p -> p.contains("the long window must be 1h to 48h"));
    assertThat(
            lintMonitor(
                "availability-fast-burn",
                m -> {
                  replace(m, "query", "> 14.4", "> 300");
                  ((ObjectNode) m.at("/options/thresholds")).put("critical", 300);
                }))
        .anyMatch(p -> p.contains("burn rate 300 can never be reached (at most 200.0)"));
  }

  @Test
  void monitorSlosAndSyntheticsFromTooFewLocationsAreReported() {
    assertThat(lint(AssetKind.SLOS, "latency", s -> s.put("type", "monitor")))
        .anyMatch(p -> p.contains("a monitor SLO counts a monitor left in Alert"));
    assertThat(
            lint(
                AssetKind.SYNTHETICS,
                "health",
                t -> {
                  ((ArrayNode) t.get("locations")).remove(2);
                  retag(t, "env:prod", "topic:synthetics");
                }))
        .anyMatch(p -> p.contains("runs from at least 3 locations"))
        .anyMatch(p -> p.contains("pages without being limited to production"));
  }

  @Test
  void everyMonitorDeclaresItsTier() {
    assertThat(lintMonitor("sink-failures", m -> retag(m, "tier:channel", "topic:none")))
        .anyMatch(p -> p.contains("no tier:<page|channel|ticket|condition> tag"));
  }

  private List<String> lintMonitor(String id, Consumer<ObjectNode> change) {
    return lint(AssetKind.MONITORS, id, change);
  }

  private List<String> lint(AssetKind kind, String id, Consumer<ObjectNode> change) {
    List<Asset> copy = new ArrayList<>();
    boolean found = false;
    for (Asset a : assets) {
      ObjectNode body = a.body().deepCopy();
      if (a.kind() == kind && a.id().equals(id)) {
        change.accept(body);
        found = true;
      }
      copy.add(new Asset(a.kind(), a.id(), a.file(), body));
    }
    assertThat(found).as(kind + "/" + id).isTrue();
    return AssetLinter.lint(copy, catalog);
  }

  private static void replace(ObjectNode node, String field, String from, String to) {
    String before = node.path(field).asText();
    assertThat(before).as("the mutation must apply").contains(from);
    node.put(field, before.replace(from, to));
  }

  private static void retag(ObjectNode node, String from, String to) {
    ArrayNode tags = (ArrayNode) node.get("tags");
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).asText().equals(from)) tags.set(i, tags.textNode(to));
    }
  }
}
