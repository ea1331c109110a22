package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.telemetry.MetricCatalog.MetricDefinition;
import dev.lrcp.telemetry.MetricCatalog.MetricType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricCatalogTests {

  private final MetricCatalog catalog = MetricCatalog.load();

  @Test
  void codeAndCatalogNameTheSameMetrics() {
    assertThat(Arrays.stream(Metric.values()).map(Metric::metricName))
        .containsExactlyInAnyOrderElementsOf(
            catalog.metrics().stream().map(MetricDefinition::name).toList());
  }

  @Test
  void constantTagsAreUnifiedServiceTagging() {
    assertThat(catalog.constantTags()).containsExactly("service", "env", "version");
  }

  @Test
  void noMetricIsTaggedWithIdsUsersOrText() {
    var forbidden =
        List.of("prompt_id", "trace_id", "span_id", "dd.trace_id", "user", "client", "prompt");
    assertThat(catalog.metrics())
        .allSatisfy(m -> assertThat(m.tags()).doesNotContainAnyElementsOf(forbidden));
  }

  @Test
  void latencyAndTimeToFirstTokenAreDistributionsAndTotalsAreCounts() {
    assertThat(type("llm.request.latency_ms")).isEqualTo(MetricType.DISTRIBUTION);
    assertThat(type("llm.time_to_first_token_ms")).isEqualTo(MetricType.DISTRIBUTION);
    for (String total :
        List.of("llm.tokens.input", "llm.tokens.output", "llm.tokens.total", "llm.cost.usd")) {
      assertThat(type(total)).as(total).isEqualTo(MetricType.COUNT);
    }
    assertThat(type("llm.health_score")).isEqualTo(MetricType.GAUGE);
  }

  @Test
  void keepsTheOriginalProjectsMetricNames() {
    assertThat(catalog.metrics().stream().map(MetricDefinition::name))
        .contains(
            "llm.request.latency_ms",
            "llm.time_to_first_token_ms",
            "llm.tokens.input",
            "llm.tokens.output",
            "llm.cost.usd",
            "llm.error.count",
            "llm.timeout.count",
            "llm.safety_block.count",
            "llm.retry_count",
            "llm.semantic_similarity_score",
            "llm.ungrounded_answer_flag",
            "llm.security.prompt_injection_risk",
            "llm.security.token_abuse",
            "llm.health_score",
            "llm.request.count",
            "llm.tokens.total");
  }

  private MetricType type(String name) {
    return catalog.find(name).orElseThrow().type();
  }
}
