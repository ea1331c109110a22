package dev.lrcp.datadog.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lrcp.LatencyScenario;
import dev.lrcp.LiveServiceTest;
import dev.lrcp.datadog.AssetChecks;
import dev.lrcp.health.MutableClock;
import dev.lrcp.incident.IncidentEvaluator;
import dev.lrcp.incident.IncidentOpened;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The root-cause notebook of an incident the rules opened from real call records, sent through the
 * running service to the recorder standing in for Datadog.
 */
@LiveServiceTest
class RcaNotebookScenarioTests {

  private static final DatadogRecorder DATADOG = LiveServiceTest.DatadogAtRecorder.DATADOG;

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired MutableClock clock;
  @Autowired IncidentEvaluator evaluator;
  @Autowired ConfigurableApplicationContext context;

  @Test
  void theNotebookOfARealIncidentHoldsItsEvidenceAndQueriesScopedToItsModelAndWindow()
      throws Exception {
    List<IncidentOpened> opened = new CopyOnWriteArrayList<>();
    context.addApplicationListener(
        ApplicationListener.forPayload((IncidentOpened e) -> opened.add(e)));
    var scenario = new LatencyScenario(events, clock, evaluator);
    scenario.quiet();
    scenario.spike();
    String id = opened.getLast().id();
    scenario.recover();
    DATADOG.reset();
    DATADOG.answer("GET", "/api/v1/notebooks", 200, "{\"data\":[]}");
    DATADOG.answer(
        "POST",
        "/api/v1/notebooks",
        200,
        "{\"data\":{\"id\":77,\"type\":\"notebooks\",\"attributes\":{\"name\":\"n\",\"cells\":[],\"time\":{\"live_span\":\"1h\"}}}}");

    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + port + "/datadog/notebooks/root-cause-analysis"))
                    .header("X-API-Key", LiveServiceTest.KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"incident_id\":\"" + id + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    var sent = DATADOG.last("POST");
    assertThat(sent.apiKey()).isEqualTo("dd-test-api-key");
    JsonNode notebook = sent.body();
    assertThat(AssetChecks.problems("notebooks", notebook)).isEmpty();
    String text = notebook.toString();
    assertThat(text)
        .contains("`llm.request.latency_ms` p95 = **5")
        .contains("against a threshold of 3000 ms")
        .contains("| model | " + LatencyScenario.SLOW_MODEL + " |")
        .contains("switch /qa, /reason from gemini-2.5-pro to the fallback model gemini-2.5-flash")
        .contains(
            "p95:llm.request.latency_ms{service:llm-reliability-control-plane,env:test,model:gemini-2.5-pro}")
        .contains("operation_name:llm.call @llm.model:\\\"gemini-2.5-pro\\\"")
        .contains("@event:llm_call @model:\\\"gemini-2.5-pro\\\"");
    assertThat(notebook.at("/data/attributes/time/live").asBoolean()).isFalse();
    // the example body in docs/datadog-actions.md comes from this run
    Files.writeString(
        Path.of("target", "rca-notebook-example.json"),
        DatadogRecorder.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(notebook));
  }
}
