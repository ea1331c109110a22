package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import dev.lrcp.flow.Records;
import dev.lrcp.health.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The live insight engines on the service's own calls: quality drift warns (a SEV-3 incident, a
 * warning in {@code GET /insights}, the drift event) before the quality-drop rule fires, and a
 * latency shift on one model becomes one anomaly story that names it.
 */
@IncidentTestContext
class LiveInsightScenarioTests {

  private static final String PRO = "gemini-2.5-pro";
  private static final String FLASH = "gemini-2.5-flash";

  @Autowired ApplicationEventPublisher events;
  @Autowired MutableClock clock;
  @Autowired IncidentEvaluator evaluator;
  @Autowired IncidentStore store;
  @Autowired MockMvc mvc;
  @Autowired IncidentTestContext.Opened opened;

  @BeforeEach
  void startFromQuietService() {
    clock.advance(Duration.ofHours(2));
    evaluator.evaluate();
    assertThat(store.active()).isEmpty();
  }

  @Test
  void aSlowGroundingDeclineOnOneModelWarnsBeforeTheQualityDropIncidentOpens() throws Exception {
    int i = 0;
    String driftId = null;
    Double meanWhenWarned = null;
    int warnedAt = -1;
    int minute = 0;
    for (; minute < 60 && !open(Rule.QUALITY_DROP); minute++) {
      // stable for 10 minutes, then Flash's grounding falls by 0.0125 a minute: 0.80 to 0.30
      double flash = 0.80 - 0.0125 * Math.max(0, minute - 10);
      for (int s = 0; s < 30; s++, i++) {
        clock.advance(Duration.ofSeconds(2));
        double wobble = 0.06 * (((i * 7919L) % 11) - 5) / 5.0;
        calls("/qa", 0.80 + wobble, flash + wobble);
        calls("/reason", 0.80 - wobble, flash - wobble);
      }
      evaluator.evaluate();
      if (driftId == null && open(Rule.QUALITY_DRIFT)) {
        driftId = active(Rule.QUALITY_DRIFT).id();
        meanWhenWarned = flash;
        warnedAt = minute;
        var insights = mvc.perform(get("/insights")).andReturn().getResponse();
        List<Map<String, Object>> drift =
            JsonPath.read(insights.getContentAsString(), "$.quality_drift");
        assertThat(drift)
            .extracting(d -> d.get("scope") + " " + d.get("signal"))
            .contains("model:" + FLASH + " grounding");
      }
    }

    System.out.printf(
        "quality_drift opened after minute %d (Flash grounding %.3f); quality_drop after minute %d%n",
        warnedAt, meanWhenWarned, minute - 1);
    assertThat(driftId).as("a drift warning").isNotNull();
    assertThat(open(Rule.QUALITY_DROP)).as("the quality-drop incident, later").isTrue();
    assertThat(meanWhenWarned).isGreaterThan(0.6);
    var incident = store.find(driftId).orElseThrow();
    assertThat(incident.scope()).isEqualTo(Scope.model(FLASH));
    assertThat(incident.severity()).isEqualTo("SEV-3");
    assertThat(incident.title())
        .startsWith("grounding drifting down on model " + FLASH + ": mean 0.");
    assertThat(incident.runbook()).anyMatch(s -> s.startsWith("An early warning"));
    assertThat(opened.drifts)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.signal()).isEqualTo("grounding");
              assertThat(e.model()).isEqualTo(FLASH);
              assertThat(e.reference() - e.current()).isGreaterThanOrEqualTo(0.03);
            });
  }

  @Test
  void aLatencyShiftOnOneModelBecomesOneAnomalyStoryNamingIt() throws Exception {
    traffic(Duration.ofMinutes(20), 1000);
    traffic(Duration.ofMinutes(2), 5200);

    String body = mvc.perform(get("/insights")).andReturn().getResponse().getContentAsString();
    // kept for reading: the live insights with the story
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "insights-story.json"), body);

    List<Map<String, Object>> latency =
        JsonPath.read(body, "$.stories[?(@.measure == 'p95 latency')]");
    assertThat(latency)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("scope")).isEqualTo("model:" + PRO);
              assertThat((String) s.get("text"))
                  .startsWith("p95 latency on model " + PRO + " rose to 5,")
                  .contains("in the 10 minutes before");
              assertThat(((Number) s.get("expected_high")).doubleValue()).isLessThan(1300);
              assertThat(((Number) s.get("anomaly_score")).doubleValue())
                  .isGreaterThanOrEqualTo(0.5);
            });
    List<String> others = JsonPath.read(body, "$.stories[*].measure");
    assertThat(others).as("steady series tell no story").containsOnly("p95 latency");
  }

  private void calls(String endpoint, double pro, double flash) {
    Instant now = clock.instant();
    events.publishEvent(Records.scored(Records.call(now, endpoint, PRO, 800), pro, pro < 0.5));
    events.publishEvent(
        Records.scored(Records.call(now, endpoint, FLASH, 400), flash, flash < 0.5));
  }

  /** Calls every 2 s on /qa and /reason, each on both models; Flash answers in about 500 ms. */
  private void traffic(Duration duration, long proLatency) {
    Instant end = clock.instant().plus(duration);
    int i = 0;
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofSeconds(2));
      for (String endpoint : List.of("/qa", "/reason")) {
        long jitter = (i++ * 37L) % 200;
        events.publishEvent(Records.call(clock.instant(), endpoint, PRO, proLatency + jitter));
        events.publishEvent(Records.call(clock.instant(), endpoint, FLASH, 500 + jitter));
      }
    }
  }

  private boolean open(Rule rule) {
    return store.active().stream().anyMatch(a -> a.rule() == rule);
  }

  private IncidentStore.Active active(Rule rule) {
    return store.active().stream().filter(a -> a.rule() == rule).findFirst().orElseThrow();
  }
}
