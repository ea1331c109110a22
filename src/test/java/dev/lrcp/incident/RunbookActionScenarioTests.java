package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.lrcp.flow.Records;
import dev.lrcp.health.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A runbook step that acts, end to end in the service: a latency spike on gemini-2.5-pro opens an
 * incident whose first step switches its endpoints to the fallback model; applying it moves real
 * traffic (through the flow, on the simulated provider) to that model, and one incident window
 * later the timeline says whether the condition cleared.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:incident-actions;DB_CLOSE_DELAY=-1",
      "lrcp.incidents.evaluate-every=0",
      "lrcp.incidents.count-every=0",
      "lrcp.incidents.delivery.every=0",
      "lrcp.storage.stats-interval=0",
      "lrcp.storage.maintenance-interval=0",
      "lrcp.simulated.latency-scale=0"
    })
@AutoConfigureMockMvc
@Import(IncidentTestContext.Config.class)
class RunbookActionScenarioTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PRO = "gemini-2.5-pro";
  static final String FLASH = "gemini-2.5-flash";

  @Autowired ApplicationEventPublisher events;
  @Autowired MutableClock clock;
  @Autowired IncidentEvaluator evaluator;
  @Autowired IncidentActions actions;
  @Autowired IncidentStore store;
  @Autowired IncidentProperties properties;
  @Autowired MockMvc mvc;

  @BeforeEach
  void startFromQuietService() throws Exception {
    clock.advance(Duration.ofHours(2)); // earlier tests' incidents recover, their overrides expire
    // the JVM's first model calls are slow (class loading, tokenizer); not part of any window here
    call("/reason", "{\"prompt\":\"warm up\"}");
    call("/qa", "{\"question\":\"warm up?\"}");
    clock.advance(Duration.ofHours(1));
    evaluator.evaluate();
    assertThat(store.active()).isEmpty();
  }

  @Test
  void latencySpikeIncidentAppliedActionMovesTrafficToTheFallbackAndIsVerifiedRecovered()
      throws Exception {
    String id = latencySpikeOnPro();
    Incident opened = store.find(id).orElseThrow();
    assertThat(opened.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.step()).isEqualTo(1);
              assertThat(a.endpoints()).containsExactly("/qa", "/reason");
              assertThat(a.toModel()).isEqualTo(FLASH);
            });

    JsonNode applied = apply(id, 1, 201);
    assertThat(applied.at("/actions/0/applied/override_ids")).hasSize(2);
    JsonNode last = applied.at("/timeline").get(applied.at("/timeline").size() - 1);
    assertThat(last.path("kind").asString()).isEqualTo("action");
    assertThat(last.path("message").asString())
        .startsWith(
            "step 1 applied by addr:127.0.0.1: /qa, /reason from gemini-2.5-pro to gemini-2.5-flash");

    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < properties.minRequests() + 2; i++) {
      JsonNode reason = call("/reason", "{\"prompt\":\"Plan a migration, step " + i + "\"}");
      assertThat(reason.path("model").asString()).isEqualTo(FLASH);
      assertThat(reason.at("/routing_decision/policy").asString()).isEqualTo("override");
      JsonNode qa =
          call("/qa", "{\"question\":\"What is an SLO?\",\"document\":\"An SLO is a target.\"}");
      assertThat(qa.path("model").asString()).isEqualTo(FLASH);
    }

    actions.verifyDue();
    assertThat(store.find(id).orElseThrow().actions().getFirst().applied().result())
        .as("not before the incident's window has passed")
        .isNull();
    clock.advance(properties.window());
    actions.verifyDue();

    Incident verified = store.find(id).orElseThrow();
    Incident.Applied result = verified.actions().getFirst().applied();
    assertThat(result.result()).as(result.detail()).isEqualTo("verified recovered");
    assertThat(result.detail()).contains("latency_slo clear since the action").contains("/reason");
    assertThat(verified.timeline().getLast().kind()).isEqualTo("verification");
    assertThat(verified.timeline().getLast().message()).startsWith("step 1 verified recovered");
    // written once: a second pass (another replica) finds nothing due
    actions.verifyDue();
    assertThat(store.find(id).orElseThrow().timeline()).hasSize(verified.timeline().size());
    // the timeline in docs/incidents.md comes from this run
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "incident-action-example.json"),
        mvc.perform(get("/incidents/" + id)).andReturn().getResponse().getContentAsString());
  }

  @Test
  void anActionThatDoesNotHelpIsRecordedAsNoEffect() throws Exception {
    String id = latencySpikeOnPro();
    apply(id, 1, 201);

    // the fallback is as slow: the spike was not the model's
    Instant end = clock.instant().plus(Duration.ofMinutes(2));
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofSeconds(2));
      for (String endpoint : List.of("/qa", "/reason")) {
        events.publishEvent(Records.call(clock.instant(), endpoint, FLASH, 5200));
      }
    }
    clock.advance(properties.window());
    actions.verifyDue();

    Incident.Applied result = store.find(id).orElseThrow().actions().getFirst().applied();
    assertThat(result.result()).isEqualTo("no effect");
    assertThat(result.detail()).startsWith("p95 latency on /qa is 5,");
  }

  @Test
  void stepsThatCannotBeAppliedAreRefusedWithTheirReason() throws Exception {
    String id = latencySpikeOnPro();

    assertThat(apply("inc-none", 1, 404).path("detail").asString()).contains("no incident");
    assertThat(apply(id, 99, 404).path("detail").asString()).contains("no runbook step 99");
    assertThat(apply(id, 2, 422).path("detail").asString()).contains("has no action");
    apply(id, 1, 201);
    assertThat(apply(id, 1, 409).path("detail").asString()).contains("was applied at");
  }

  /** Ten minutes of normal traffic, then two of a spike on pro; the incident it opens. */
  private String latencySpikeOnPro() {
    traffic(Duration.ofMinutes(10), 1000);
    traffic(Duration.ofMinutes(2), 5200);
    evaluator.evaluate();
    var active = store.active();
    assertThat(active).hasSize(1);
    return active.getFirst().id();
  }

  private void traffic(Duration duration, long proLatency) {
    TwoModelTraffic.publish(events, clock, duration, proLatency, 500);
  }

  private JsonNode apply(String id, int step, int status) throws Exception {
    var response =
        mvc.perform(post("/incidents/" + id + "/actions/" + step).with(r -> local(r)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    return JSON.readTree(response.getContentAsString());
  }

  private JsonNode call(String path, String body) throws Exception {
    var response =
        mvc.perform(
                post(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .with(r -> local(r)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return JSON.readTree(response.getContentAsString()).path("metadata");
  }

  private static org.springframework.mock.web.MockHttpServletRequest local(
      org.springframework.mock.web.MockHttpServletRequest r) {
    r.setRemoteAddr("127.0.0.1");
    return r;
  }
}
