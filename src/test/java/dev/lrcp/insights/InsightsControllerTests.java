package dev.lrcp.insights;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lrcp.flow.Records;
import dev.lrcp.health.HealthProperties;
import dev.lrcp.health.HealthScoreCalculator;
import dev.lrcp.health.HealthWindows;
import dev.lrcp.health.MutableClock;
import dev.lrcp.health.RecentCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(InsightsController.class)
@Import({
  InsightsControllerTests.Config.class,
  LiveInsights.class,
  LiveAnomalies.class,
  InsightsAnalyzer.class,
  HealthWindows.class,
  dev.lrcp.health.StatusCaps.class,
  RecentCalls.class,
  HealthScoreCalculator.class
})
class InsightsControllerTests {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

  @TestConfiguration
  @EnableConfigurationProperties(HealthProperties.class)
  static class Config {
    @Bean
    Clock clock() {
      return CLOCK;
    }
  }

  @Autowired MockMvc mvc;
  @Autowired ApplicationEventPublisher events;

  @Test
  void scoresSuppliedAggregatesWithRecommendationsThatCarryTheirNumbers() throws Exception {
    mvc.perform(
            post("/insights")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"avg_latency_ms": 1200, "error_rate": 0.02, "retry_rate": 0.05,
                     "avg_cost_per_request": 0.008, "avg_quality_score": 0.65, "safety_block_rate": 0.03,
                     "avg_input_tokens": 1500, "avg_output_tokens": 200, "latency_trend": "increasing"}"""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.health_summary.status").value("degraded"))
        // 0.15·80 + 0.15·75 + 0.20·54.85 + 0.10·70 + 0.20·60 (slo: 0.02 / 0.05 burnt) + 0.20·65
        // + 1.33 bonus
        .andExpect(jsonPath("$.health_summary.overall_health_score").value(67.55))
        .andExpect(jsonPath("$.health_summary.component_scores.slo").value(60.0))
        .andExpect(jsonPath("$.health_summary.component_scores.performance").value(80.0))
        .andExpect(jsonPath("$.health_summary.component_scores.reliability").value(75.0))
        .andExpect(jsonPath("$.recommendations[0].priority").value("high"))
        .andExpect(
            jsonPath("$.recommendations[?(@.category == 'performance')].evidence")
                .value(
                    "average latency is 1,200 ms against a target of 500 ms (performance 80/100)"))
        .andExpect(jsonPath("$.predictive_insights[0].metric").value("average latency"))
        .andExpect(jsonPath("$.priority_actions.length()").value(5));
  }

  @Test
  void rejectsAnUnknownTrendAndOutOfRangeRates() throws Exception {
    mvc.perform(
            post("/insights")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"error_rate\": 2}"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/insights")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"latency_trend\": \"sideways\"}"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void servesTheLiveScoreOfTheWindow() throws Exception {
    mvc.perform(get("/insights/health-score").param("endpoint", "/nothing-here"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("no_data"))
        .andExpect(jsonPath("$.health_score").doesNotExist())
        .andExpect(jsonPath("$.stats.requests").value(0));

    for (int i = 0; i < 10; i++) {
      CLOCK.advance(Duration.ofSeconds(1));
      events.publishEvent(Records.call(CLOCK.instant(), "/reason", "gemini-2.5-pro", 3500));
    }
    CLOCK.advance(Duration.ofSeconds(1));
    mvc.perform(get("/insights/health-score").param("window", "1m").param("endpoint", "/reason"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.scope").value("endpoint:/reason"))
        .andExpect(jsonPath("$.window").value("1m"))
        .andExpect(jsonPath("$.stats.requests").value(10))
        .andExpect(jsonPath("$.stats.p95_latency_ms").value(3500.0))
        .andExpect(jsonPath("$.components.performance").value(14.29));
    mvc.perform(get("/insights"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recommendations[0].title").value("Reduce p95 latency on service"));
  }

  @Test
  void rejectsAWindowOutsideOneToSixtyMinutes() throws Exception {
    mvc.perform(get("/insights/health-score").param("window", "2h"))
        .andExpect(status().isBadRequest());
  }
}
