package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The linter catches each kind of defect the original assets had, on a copy of a real asset. */
class AssetLinterTests {

  private final List<Asset> assets = AssetLoader.load(AssetValidationTests.ASSETS);
  private final MetricCatalog catalog = MetricCatalog.fromClasspath();

  @Test
  void percentileOnANonDistributionIsReported() {
    assertThat(
            lintMonitor(
                "error-rate", m -> replaceQuery(m, "sum:llm.error.count", "p95:llm.error.count")))
        .anyMatch(p -> p.contains("p95 needs a distribution"));
  }

  @Test
  void metricsTheServiceNeverEmitsAreReported() {
    assertThat(
            lintMonitor(
                "timeouts", m -> replaceQuery(m, "llm.timeout.count", "llm.rate_limit.count")))
        .anyMatch(p -> p.contains("llm.rate_limit.count: not in the metric catalog"));
  }

  @Test
  void tagsNotEmittedOnTheMetricAreReported() {
    assertThat(
            lintMonitor(
                "health-score-low",
                m -> replaceQuery(m, "by {service,env}", "by {service,env,component}")))
        .anyMatch(p -> p.contains("tag 'component' is not emitted"));
  }

  @Test
  void countsReadWithoutAsCountAreReported() {
    assertThat(lintMonitor("timeouts", m -> replaceQuery(m, ".as_count()", "")))
        .anyMatch(p -> p.contains("a count must be read with .as_count()"));
  }

  @Test
  void missingRunbookSectionAndMismatchedThresholdAreReported() {
    List<String> problems =
        lintMonitor(
            "latency-p95",
            m -> {
              m.put("message", m.path("message").asText().replace("**What next**", "Next"));
              ((ObjectNode) m.at("/options/thresholds")).put("critical", 2000);
            });
    assertThat(problems)
        .anyMatch(p -> p.contains("runbook section **What next"))
        .anyMatch(p -> p.contains("critical must equal the query threshold"));
  }

  @Test
  void danglingReferencesAreReported() {
    assertThat(
            lintMonitor(
                "multi-signal-degradation", m -> replaceQuery(m, "error-rate", "no-such-monitor")))
        .anyMatch(p -> p.contains("dangling reference ${monitor:no-such-monitor}"));
  }

  @Test
  void burnRateAlertsNeedAnSloTimeframeAndAMatchingThreshold() {
    assertThat(
            lintMonitor(
                "availability-fast-burn", m -> replaceQuery(m, "over(\"30d\")", "over(\"14d\")")))
        .anyMatch(p -> p.contains("an slo alert query is burn_rate("));
    assertThat(lintMonitor("availability-fast-burn", m -> replaceQuery(m, "> 14.4", "> 10")))
        .anyMatch(p -> p.contains("critical must equal the query threshold 10.0"));
  }

  private List<String> lintMonitor(String id, Consumer<ObjectNode> change) {
    List<Asset> copy = new ArrayList<>();
    for (Asset a : assets) {
      ObjectNode body = a.body().deepCopy();
      if (a.kind() == AssetKind.MONITORS && a.id().equals(id)) change.accept(body);
      copy.add(new Asset(a.kind(), a.id(), a.file(), body));
    }
    return AssetLinter.lint(copy, catalog);
  }

  private static void replaceQuery(ObjectNode monitor, String from, String to) {
    monitor.put("query", monitor.path("query").asText().replace(from, to));
  }
}
