package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.lrcp.anomaly.Attribution;
import dev.lrcp.anomaly.Cause;
import dev.lrcp.flow.Records;
import dev.lrcp.health.MutableClock;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.storage.CallRecordRepository;
import dev.lrcp.storage.CallRecordWriter;
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
 * Drives real call records through the running service (health windows, storage, rules) and reads
 * incidents and live insights back over HTTP: among them, quality drift warns before the
 * quality-drop rule fires, and a latency shift on one model becomes one anomaly story naming it.
 */
@IncidentTestContext
class IncidentScenarioTests {

  private static final String PRO = "gemini-2.5-pro";
  private static final String FLASH = "gemini-2.5-flash";

  @Autowired ApplicationEventPublisher events;
  @Autowired MutableClock clock;
  @Autowired IncidentEvaluator evaluator;
  @Autowired IncidentStore store;
  @Autowired CallRecordWriter writer;
  @Autowired CallRecordRepository records;
  @Autowired MockMvc mvc;
  @Autowired IncidentTestContext.Opened opened;

  @BeforeEach
  void startFromQuietService() {
    // leave earlier tests' traffic behind and let their incidents recover
    clock.advance(Duration.ofHours(2));
    evaluator.evaluate();
    assertThat(store.active()).isEmpty();
  }

  @Test
  void latencySpikeOnOneModelOpensOneIncidentNamingThatModelWithARunbook() throws Exception {
    traffic(Duration.ofMinutes(10), 1000, 500);
    traffic(Duration.ofMinutes(2), 5200, 500);

    evaluator.evaluate();

    var active = store.active();
    assertThat(active).hasSize(1);
    var incident = store.find(active.getFirst().id()).orElseThrow();
    assertThat(incident.rule()).isEqualTo("latency_slo");
    assertThat(incident.scope()).isEqualTo(Scope.model(PRO));
    assertThat(incident.title())
        .matches("p95 latency on model gemini-2\\.5-pro is 5,[2-3]\\d\\d ms, SLO 3,000 ms");
    assertThat(incident.severity()).isEqualTo("SEV-2");
    assertThat(incident.evidence().samples()).isNotEmpty();
    var cause = incident.attribution().top().orElseThrow();
    assertThat(cause.dimension()).isEqualTo("model");
    assertThat(cause.value()).isEqualTo(PRO);
    assertThat(incident.attribution().confidence()).isGreaterThanOrEqualTo(0.8);
    assertThat(opened.events)
        .filteredOn(e -> e.id().equals(incident.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.rule()).isEqualTo("latency_slo"));
    assertThat(incident.runbook().getFirst())
        .contains("switch /qa, /reason from gemini-2.5-pro to the fallback model gemini-2.5-flash");

    var example = mvc.perform(get("/incidents/" + incident.id())).andReturn();
    // kept for reading: the incident as the API renders it
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "incident-example.json"),
        example.getResponse().getContentAsString());

    mvc.perform(get("/incidents").param("status", "open"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].id").value(incident.id()))
        .andExpect(jsonPath("$.items[0].attribution.causes[0].explanatory_power").isNumber())
        .andExpect(
            jsonPath("$.items[0].links.logs")
                .value(org.hamcrest.Matchers.startsWith("https://app.datadoghq.com/logs?query=")));
  }

  @Test
  void incidentStaysOneWhileTheSpikeLastsAndResolvesAfterRecovery() throws Exception {
    traffic(Duration.ofMinutes(10), 1000, 500);
    traffic(Duration.ofMinutes(2), 5200, 500);
    evaluator.evaluate();
    String id = store.active().getFirst().id();

    traffic(Duration.ofMinutes(1), 5200, 500);
    evaluator.evaluate();
    assertThat(store.active()).extracting(IncidentStore.Active::id).containsExactly(id);

    for (int minute = 0; minute < 5; minute++) {
      traffic(Duration.ofMinutes(1), 1000, 500);
      evaluator.evaluate();
    }

    assertThat(store.active()).isEmpty();
    mvc.perform(get("/incidents/" + id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("resolved"))
        .andExpect(jsonPath("$.resolved_at").isNotEmpty())
        .andExpect(jsonPath("$.timeline[-1].kind").value("resolved"));
  }

  @Test
  void errorBurstOnStressOpensAnErrorIncidentAtSev2() {
    Instant end = clock.instant().plus(Duration.ofMinutes(12));
    int i = 0;
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofSeconds(2));
      boolean burst = end.minus(Duration.ofMinutes(2)).isBefore(clock.instant());
      events.publishEvent(Records.call(clock.instant(), "/qa", FLASH, 400));
      LlmFailure failure = burst && i % 10 < 3 ? LlmFailure.UPSTREAM_ERROR : null;
      events.publishEvent(Records.call(clock.instant(), "/stress", FLASH, 400, failure));
      i++;
    }

    evaluator.evaluate();

    var active = store.active();
    assertThat(active).extracting(IncidentStore.Active::rule).containsExactly(Rule.ERROR_RATE);
    var incident = store.find(active.getFirst().id()).orElseThrow();
    assertThat(incident.scope()).isEqualTo(Scope.endpoint("/stress"));
    assertThat(incident.severity()).isEqualTo("SEV-2");
    assertThat(incident.title())
        .startsWith("error rate on /stress is 30.0% (18 of 60 calls failed)");
    assertThat(incident.attribution().top()).get().extracting(c -> c.value()).isEqualTo("/stress");
    assertThat(incident.runbook()).anyMatch(s -> s.contains("100% of failures are upstream_error"));
  }

  @Test
  void theFirstEvaluationExplainsALatencySpikeOnAQuietServiceAndCapsItsStatus() throws Exception {
    // the Failure Theater on a fresh service: Normal traffic, then Latency Spike
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofMillis(300));
      events.publishEvent(
          i % 3 == 2
              ? Records.call(clock.instant(), "/reason", PRO, 300 + i)
              : Records.call(clock.instant(), "/qa", FLASH, 200 + i));
    }
    for (int i = 0; i < 8; i++) {
      clock.advance(Duration.ofSeconds(1));
      events.publishEvent(
          Records.injected(Records.call(clock.instant(), "/reason", PRO, 3600 + 10 * i)));
    }

    evaluator.evaluate();

    var incident = store.find(store.active().getFirst().id()).orElseThrow();
    assertThat(incident.scope()).isEqualTo(Scope.endpoint("/reason"));
    var attribution = incident.attribution();
    assertThat(attribution.top())
        .get()
        .extracting(c -> c.dimension() + "=" + c.value())
        .isEqualTo("traffic=injected");
    assertThat(attribution.confidence()).isGreaterThan(0.9);
    assertThat(incident.runbook().getFirst()).contains("these calls are drills");
    assertThat(incident.timeline())
        .extracting(Incident.TimelineEntry::kind)
        .containsExactly("opened", "attribution");
    mvc.perform(get("/insights/health-score").param("endpoint", "/reason"))
        .andExpect(jsonPath("$.status").value("degraded"))
        .andExpect(jsonPath("$.capped_by.id").value(incident.id()));
    mvc.perform(get("/insights/health-score").param("endpoint", "/qa"))
        .andExpect(jsonPath("$.status").value("healthy"))
        .andExpect(jsonPath("$.capped_by").isEmpty());
    mvc.perform(get("/insights/health-score"))
        .andExpect(jsonPath("$.capped_by.id").value(incident.id()));
  }

  @Test
  void theTimelineNotesEachNewLeadingCauseOfTheAttribution() {
    var opened = draft(Attribution.none("latency", null, 900.0, "not enough data"));
    store.open(opened, true);
    var injected = cause("traffic", "injected", 0.9);
    var model = cause("model", PRO, 0.8);

    store.refresh(opened.id(), draft(injected), Severity.SEV_3, clock.instant(), null);
    store.refresh(
        opened.id(),
        draft(cause("traffic", "injected", 0.7)),
        Severity.SEV_3,
        clock.instant(),
        null);
    store.refresh(opened.id(), draft(model), Severity.SEV_3, clock.instant(), null);

    assertThat(store.find(opened.id()).orElseThrow().timeline())
        .extracting(Incident.TimelineEntry::kind, Incident.TimelineEntry::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("opened", opened.title()),
            org.assertj.core.groups.Tuple.tuple(
                "attribution", "traffic injected did it (confidence 90%)"),
            org.assertj.core.groups.Tuple.tuple(
                "attribution", "model gemini-2.5-pro did it (confidence 80%)"));
    store.resolve(opened.id(), clock.instant(), "test over");
  }

  private static Attribution cause(String dimension, String value, double confidence) {
    return new Attribution(
        "latency",
        900.0,
        4000.0,
        dimension + " " + value + " did it",
        confidence,
        List.of(new Cause(dimension, value, 1.0, 0.5)),
        null);
  }

  private Incident draft(Attribution a) {
    return new Incident(
        "inc-timeline-" + a.summary().hashCode(),
        Rule.LATENCY_SLO.id(),
        "p95 latency on model x",
        "SEV-3",
        Incident.OPEN,
        Scope.model("x"),
        clock.instant(),
        clock.instant(),
        null,
        null,
        a,
        List.of(),
        null,
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void callRecordsAreStoredWithoutPromptText() {
    var call =
        Records.scored(
            Records.scanned(Records.call(clock.instant(), "/qa", FLASH, 321), true), 0.42, true);
    events.publishEvent(call);
    writer.flush();

    var stored = records.byPromptId(call.promptId());
    assertThat(stored).hasSize(1);
    assertThat(stored.getFirst().numbers().latencyMs()).isEqualTo(321);
    assertThat(stored.getFirst().groundingScore()).isEqualTo(0.42);
    assertThat(stored.getFirst().injectionFlagged()).isTrue();
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
    traffic(Duration.ofMinutes(20), 1000, 500);
    traffic(Duration.ofMinutes(2), 5200, 500);

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

  private boolean open(Rule rule) {
    return store.active().stream().anyMatch(a -> a.rule() == rule);
  }

  private IncidentStore.Active active(Rule rule) {
    return store.active().stream().filter(a -> a.rule() == rule).findFirst().orElseThrow();
  }

  /** Calls every 2 s on /qa and /reason, each on both models, for the given duration. */
  private void traffic(Duration duration, long proLatency, long flashLatency) {
    TwoModelTraffic.publish(events, clock, duration, proLatency, flashLatency);
  }
}
