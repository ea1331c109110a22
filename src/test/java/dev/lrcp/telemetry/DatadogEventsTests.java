package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.incident.DatadogAccount;
import dev.lrcp.insights.AnomalyStoryTold;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatadogEventsTests {

  static final DatadogAccount ACCOUNT =
      new DatadogAccount("k", null, "datadoghq.eu", "lrcp", "prod");

  @Test
  void anAnomalyStoryIsAWarningEventTaggedWithItsScopeAndAggregatedPerChange() {
    var story =
        new AnomalyStoryTold(
            Instant.parse("2026-11-28T08:20:15Z"),
            "model:gemini-2.5-pro",
            null,
            "gemini-2.5-pro",
            "p95 latency",
            0.67,
            "p95 latency on model gemini-2.5-pro rose to 5,301 ms at 2026-11-28T08:20:15Z");

    var event = DatadogEvents.event(story, ACCOUNT);

    assertThat(event.getTitle()).isEqualTo("Anomaly: p95 latency on model:gemini-2.5-pro");
    assertThat(event.getText()).isEqualTo(story.text());
    assertThat(event.getTags())
        .containsExactly("service:lrcp", "env:prod", "source:lrcp-anomaly", "model:gemini-2.5-pro");
    assertThat(event.getAggregationKey())
        .isEqualTo("lrcp-anomaly-model:gemini-2.5-pro-p95 latency-2026-11-28T08:20:15Z");
  }
}
