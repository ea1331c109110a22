package dev.lrcp.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.incident.IncidentEvaluator;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.storage.CallRecordRepository;
import dev.lrcp.storage.CallRecordWriter;
import dev.lrcp.testing.Local;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service with one extra stage added the way any policy is added (a {@link CallStage}
 * bean): every entry point, on both ports, whole and streamed, passes through it once, and each
 * call leaves exactly one record, with its scan and score folded in, that health, storage and the
 * incident rules read.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "lrcp.simulated.latency-scale=0",
      "lrcp.storage.directory=target/one-flow-it-data",
      "lrcp.storage.flush-interval=20ms",
      // an injected delay beyond the timeout is a failure: one attempt, no fallback
      "lrcp.resilience.faults.latency=1500ms",
      "lrcp.resilience.timeout=1s",
      "lrcp.resilience.max-attempts=1",
      "lrcp.resilience.fallbacks=",
      "spring.datasource.url=jdbc:h2:mem:one-flow-it;DB_CLOSE_DELAY=-1"
    })
class OneFlowIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int DATA_PLANE = Local.freePort();
  static final String CHAT =
      """
      {"model":"gemini-2.5-flash","stream":%s,
       "messages":[{"role":"user","content":"What is an SLO?"}]}""";

  @DynamicPropertySource
  static void dataPlane(DynamicPropertyRegistry registry) {
    registry.add("lrcp.gateway.port", () -> DATA_PLANE);
    registry.add("lrcp.gateway.address", () -> "127.0.0.1");
  }

  @LocalServerPort int port;
  @Autowired Seen seen;
  @Autowired CallRecordRepository stored;
  @Autowired CallRecordWriter writer;
  @Autowired IncidentEvaluator incidents;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A stage at the first position that notes every call passing through it. */
  static final class Seen implements CallStage {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<CallRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public Stage stage() {
      return Stage.ADMIT;
    }

    @Override
    public LlmResponse apply(Call call, Next next) {
      var r = call.request();
      calls.add(call.promptId() + " " + r.endpoint() + (r.stream() == null ? "" : " stream"));
      return next.proceed(call);
    }

    @EventListener
    void on(CallRecord record) {
      records.add(record);
    }

    List<CallRecord> recordsOf(String promptId) {
      return records.stream().filter(r -> r.promptId().equals(promptId)).toList();
    }
  }

  @TestConfiguration
  static class AddedStage {
    @Bean
    Seen seen() {
      return new Seen();
    }
  }

  @BeforeEach
  void forgetEarlierCalls() {
    seen.calls.clear();
  }

  @Test
  void everyEntryPointOnBothPortsWholeAndStreamedPassesThroughAnAddedStageOnce() throws Exception {
    var ids = new ArrayList<String>();
    ids.add(
        metadataId(
            post(
                port,
                "/qa",
                "{\"question\":\"What is an SLO?\",\"document\":\"An SLO is a target.\"}")));
    ids.add(metadataId(post(port, "/reason", "{\"prompt\":\"Plan a migration\"}")));
    ids.add(metadataId(post(port, "/stress", "{\"prompt\":\"tokens\",\"repetitions\":3}")));
    for (int p : List.of(port, DATA_PLANE)) {
      for (boolean stream : List.of(false, true)) {
        HttpResponse<String> response = post(p, "/v1/chat/completions", CHAT.formatted(stream));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ids.add(response.headers().firstValue("X-Request-Id").orElseThrow());
      }
    }

    assertThat(seen.calls)
        .containsExactly(
            ids.get(0) + " /qa",
            ids.get(1) + " /reason",
            ids.get(2) + " /stress",
            ids.get(3) + " /v1/chat/completions",
            ids.get(4) + " /v1/chat/completions stream",
            ids.get(5) + " /v1/chat/completions",
            ids.get(6) + " /v1/chat/completions stream");

    // one record per call, scan and score folded in (gateway answers are scored in the background)
    Local.awaitTrue(() -> ids.stream().allMatch(id -> !seen.recordsOf(id).isEmpty()));
    for (String id : ids) {
      assertThat(seen.recordsOf(id))
          .as(id)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.security()).as("scanned").isNotNull();
                assertThat(r.quality()).as("scored, or why not").isNotNull();
                assertThat(r.routing()).isNotNull();
              });
    }
    assertThat(seen.recordsOf(ids.get(2)).getFirst().labels().injected()).isTrue();

    // the health windows and storage read those records
    JsonNode health = JSON.readTree(get("/insights/health-score?window=5m").body());
    assertThat(health.at("/stats/requests").asInt()).isGreaterThanOrEqualTo(ids.size());
    writer.flush();
    assertThat(ids).allSatisfy(id -> assertThat(stored.byPromptId(id)).hasSize(1));
  }

  @Test
  void failingCallsThroughTheFlowOpenAnIncidentFromTheirRecords() throws Exception {
    var failures = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
    try (var calls = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 12; i++) {
        failures.add(
            calls.submit(
                () ->
                    post(
                        port,
                        "/reason?simulate_latency=true",
                        "{\"prompt\":\"Plan\",\"model\":\"gemini-2.5-flash-lite\"}")));
      }
    }
    for (var failure : failures) {
      assertThat(failure.get().statusCode()).isEqualTo(504);
    }

    incidents.evaluate();

    JsonNode open = JSON.readTree(get("/incidents?status=open").body());
    assertThat(open.findValuesAsString("rule")).contains("error_rate");
  }

  HttpResponse<String> post(int to, String path, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(BodyPublishers.ofString(body))
            .build();
    return http.send(request, BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .build();
    return http.send(request, BodyHandlers.ofString());
  }

  static String metadataId(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).at("/metadata/prompt_id").asString();
  }
}
