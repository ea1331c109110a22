package dev.lrcp.datadog.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lrcp.datadog.AssetChecks;
import dev.lrcp.incident.Incidents;
import dev.lrcp.telemetry.TelemetryActivity;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Each action through the real datadog-api-client against a local recorder: the request Datadog
 * would receive (method, path, key headers, body fields) and the answer the caller gets, including
 * Datadog's errors as problems.
 */
@ActionSliceTest
@TestPropertySource(
    properties = {"dd.api-key=test-api-key", "dd.app-key=test-app-key", "dd.env=test"})
class DatadogActionsTests {

  static final DatadogRecorder DATADOG = new DatadogRecorder();
  static final String NOTEBOOK =
      "{\"data\":{\"id\":4242,\"type\":\"notebooks\",\"attributes\":{\"name\":\"n\",\"cells\":[],"
          + "\"time\":{\"live_span\":\"1h\"}}}}";

  @DynamicPropertySource
  static void datadog(DynamicPropertyRegistry registry) {
    registry.add("lrcp.datadog.api-url", DATADOG::url);
  }

  @AfterAll
  static void stop() {
    DATADOG.close();
  }

  @Autowired MockMvc mvc;
  @MockitoBean Incidents incidents;
  @MockitoBean TelemetryActivity telemetry;

  @BeforeEach
  void reset() {
    DATADOG.reset();
    when(incidents.find(ActionSlice.incident().id()))
        .thenReturn(Optional.of(ActionSlice.incident()));
  }

  @Test
  void rootCauseNotebookCarriesTheIncidentAndIsUpdatedInPlaceTheSecondTime() throws Exception {
    DATADOG.answer("GET", "/api/v1/notebooks", 200, "{\"data\":[]}");
    DATADOG.answer("POST", "/api/v1/notebooks", 200, NOTEBOOK);

    send(
            post("/datadog/notebooks/root-cause-analysis"),
            "{\"incident_id\":\"inc-0123456789abcdef\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.notebook_id").value(4242))
        .andExpect(jsonPath("$.url").value("https://app.datadoghq.com/notebook/4242"));

    var created = DATADOG.last("POST");
    assertThat(created.path()).isEqualTo("/api/v1/notebooks");
    assertThat(created.apiKey()).isEqualTo("test-api-key");
    assertThat(created.appKey()).isEqualTo("test-app-key");
    JsonNode body = created.body();
    assertThat(AssetChecks.problems("notebooks", body)).isEmpty();
    assertThat(body.at("/data/attributes/name").asText())
        .startsWith("RCA inc-0123456789abcdef: p95");
    assertThat(body.at("/data/attributes/time/start").asText()).isEqualTo("2026-11-28T08:30:00Z");
    assertThat(body.at("/data/attributes/time/end").asText()).isEqualTo("2026-11-28T09:55:00Z");
    String all = body.toString();
    assertThat(all)
        .contains("5390 ms** against a threshold of 3000 ms")
        .contains("model gemini-2.5-pro explains 97% of the shift")
        .contains("switch /qa, /reason from gemini-2.5-pro")
        .contains(
            "p95:llm.request.latency_ms{service:llm-reliability-control-plane,env:test,model:gemini-2.5-pro}")
        .contains("@llm.model:\\\"gemini-2.5-pro\\\"");

    DATADOG.answer(
        "GET",
        "/api/v1/notebooks",
        200,
        "{\"data\":[{\"id\":4242,\"type\":\"notebooks\",\"attributes\":{\"name\":\"RCA inc-0123456789abcdef: old title\",\"cells\":[],\"time\":{\"live_span\":\"1h\"}}}]}");
    DATADOG.answer("PUT", "/api/v1/notebooks/4242", 200, NOTEBOOK);
    send(
            post("/datadog/notebooks/root-cause-analysis"),
            "{\"incident_id\":\"inc-0123456789abcdef\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(false));
    assertThat(DATADOG.last("GET").query()).contains("query=RCA").contains("inc-0123456789abcdef");
    assertThat(DATADOG.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
  }

  @Test
  void anUnknownIncidentIsA404AndSendsNothing() throws Exception {
    send(post("/datadog/notebooks/root-cause-analysis"), "{\"incident_id\":\"inc-nope\"}")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("no incident with id inc-nope"));
    assertThat(DATADOG.requests()).isEmpty();
  }

  @Test
  void costNotebookCoversTheWindowAndRefusesARecommendationId() throws Exception {
    DATADOG.answer("GET", "/api/v1/notebooks", 200, "{\"data\":[]}");
    DATADOG.answer("POST", "/api/v1/notebooks", 200, NOTEBOOK);

    send(post("/datadog/notebooks/cost-optimization"), "{\"window\":\"7d\"}")
        .andExpect(status().isCreated());
    JsonNode body = DATADOG.last("POST").body();
    assertThat(AssetChecks.problems("notebooks", body)).isEmpty();
    assertThat(body.at("/data/attributes/name").asText()).isEqualTo("Cost review test: last 7d");
    assertThat(body.at("/data/attributes/time/start").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(body.toString())
        .contains(
            "sum:llm.cost.usd{service:llm-reliability-control-plane,env:test} by {model}.as_count()");

    send(post("/datadog/notebooks/cost-optimization"), "{\"recommendation_id\":\"opt-1\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("recommendation_id"));
    send(post("/datadog/notebooks/cost-optimization"), "{\"window\":\"9y\"}")
        .andExpect(status().isBadRequest());
  }

  @Test
  void healthCheckIsTheBundledTestOnTheGivenUrlAndPagesOnlyInProduction() throws Exception {
    DATADOG.answer("GET", "/api/v1/synthetics/tests", 200, "{\"tests\":[]}");
    DATADOG.echo("POST", "/api/v1/synthetics/tests/api", "{\"public_id\":\"abc-def-ghi\"}");

    send(
            post("/datadog/synthetics/health-check"),
            "{\"service_url\":\"https://staging.example.org/\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.public_id").value("abc-def-ghi"))
        .andExpect(jsonPath("$.url").value("https://staging.example.org/health"));

    JsonNode test = DATADOG.last("POST").body();
    assertThat(test.at("/name").asText())
        .isEqualTo("LLM control plane GET /health (staging.example.org)");
    assertThat(test.at("/config/request/url").asText()).isEqualTo("{{ LRCP_BASE_URL }}/health");
    assertThat(test.at("/config/configVariables/0/pattern").asText())
        .isEqualTo("https://staging.example.org");
    assertThat(test.at("/tags").toString())
        .contains("env:test", "tier:channel")
        .doesNotContain("env:prod");
    assertThat(test.at("/message").asText())
        .doesNotContain("@pagerduty")
        .contains("@slack-llm-oncall");
    assertThat(test.at("/message").asText()).doesNotContain("${");
  }

  @Test
  void anAdHocTestIsCreatedThenUpdatedByName() throws Exception {
    DATADOG.answer("GET", "/api/v1/synthetics/tests", 200, "{\"tests\":[]}");
    DATADOG.echo("POST", "/api/v1/synthetics/tests/api", "{\"public_id\":\"new-pub-id\"}");
    String request = "{\"name\":\"docs\",\"url\":\"https://example.org/docs\",\"frequency\":600}";

    send(post("/datadog/synthetics/tests"), request).andExpect(status().isCreated());
    JsonNode test = DATADOG.last("POST").body();
    assertThat(test.at("/config/request/method").asText()).isEqualTo("GET");
    assertThat(test.at("/config/request/url").asText()).isEqualTo("https://example.org/docs");
    assertThat(test.at("/options/tick_every").asInt()).isEqualTo(600);

    DATADOG.answer(
        "GET",
        "/api/v1/synthetics/tests",
        200,
        "{\"tests\":[{\"public_id\":\"new-pub-id\",\"name\":\"docs\",\"type\":\"api\",\"status\":\"live\",\"tags\":[],\"config\":{\"request\":{\"method\":\"GET\",\"url\":\"https://example.org/docs\"}}}]}");
    DATADOG.echo(
        "PUT", "/api/v1/synthetics/tests/api/new-pub-id", "{\"public_id\":\"new-pub-id\"}");
    send(post("/datadog/synthetics/tests"), request).andExpect(status().isOk());

    mvc.perform(get("/datadog/synthetics/tests"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].public_id").value("new-pub-id"))
        .andExpect(jsonPath("$[0].url").value("https://example.org/docs"));
    send(post("/datadog/synthetics/tests"), "{\"name\":\"x\",\"url\":\"file:///etc/passwd\"}")
        .andExpect(status().isBadRequest());
  }

  @Test
  void pagesATeamThroughTheOnCallPagingApiWithTheIncident() throws Exception {
    DATADOG.answer(
        "POST",
        "/api/v2/on-call/pages",
        200,
        "{\"data\":{\"id\":\"15e74b8b-f865-48d0-bcc5-453323ed2c8f\",\"type\":\"pages\"}}");

    send(
            post("/datadog/oncall/page"),
            "{\"team\":\"llm-reliability\",\"incident_id\":\"inc-0123456789abcdef\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.page_id").value("15e74b8b-f865-48d0-bcc5-453323ed2c8f"))
        .andExpect(jsonPath("$.urgency").value("high"));

    var page = DATADOG.last("POST");
    assertThat(page.appKey()).isEqualTo("test-app-key");
    JsonNode attributes = page.body().at("/data/attributes");
    assertThat(page.body().at("/data/type").asText()).isEqualTo("pages");
    assertThat(attributes.at("/target/type").asText()).isEqualTo("team_handle");
    assertThat(attributes.at("/target/identifier").asText()).isEqualTo("llm-reliability");
    assertThat(attributes.at("/urgency").asText()).isEqualTo("high");
    assertThat(attributes.at("/title").asText())
        .isEqualTo("[SEV-2] p95 latency on model gemini-2.5-pro is 5,390 ms, SLO 3,000 ms");
    assertThat(attributes.at("/description").asText())
        .contains("switch /qa, /reason", "Incident inc-0123456789abcdef");
    assertThat(attributes.at("/tags").toString()).contains("incident_id:inc-0123456789abcdef");

    send(post("/datadog/oncall/page"), "{\"team\":\"llm-reliability\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("title"));
  }

  @Test
  void readsWhoIsOnCallForASchedule() throws Exception {
    DATADOG.answer(
        "GET",
        "/api/v2/on-call/schedules/sched-1/on-call",
        200,
        "{\"data\":{\"id\":\"shift-1\",\"type\":\"shifts\",\"attributes\":{\"start\":\"2026-11-28T08:00:00Z\",\"end\":\"2026-11-28T20:00:00Z\"},"
            + "\"relationships\":{\"user\":{\"data\":{\"id\":\"u-1\",\"type\":\"users\"}}}},"
            + "\"included\":[{\"id\":\"u-1\",\"type\":\"users\",\"attributes\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"}}]}");

    mvc.perform(get("/datadog/oncall/current/sched-1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Ada"))
        .andExpect(jsonPath("$.email").value("ada@example.org"));
    assertThat(DATADOG.last("GET").query()).isEqualTo("include=user");
  }

  @Test
  void triggersAWorkflowWithTheIncidentAsInput() throws Exception {
    DATADOG.answer(
        "POST", "/api/v2/workflows/wf-123/instances", 200, "{\"data\":{\"id\":\"inst-9\"}}");

    send(
            post("/datadog/workflows/trigger/wf-123"),
            "{\"incident_id\":\"inc-0123456789abcdef\",\"context\":{\"reason\":\"drill\"}}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.instance_id").value("inst-9"));

    JsonNode payload = DATADOG.last("POST").body().at("/meta/payload");
    assertThat(payload.at("/incident/id").asText()).isEqualTo("inc-0123456789abcdef");
    assertThat(payload.at("/incident/runbook/0").asText()).startsWith("switch /qa");
    assertThat(payload.at("/context/reason").asText()).isEqualTo("drill");
    assertThat(payload.at("/env").asText()).isEqualTo("test");
  }

  @Test
  void importsABundledLogPipelineOnceAndListsTheRealOnes() throws Exception {
    DATADOG.answer("GET", "/api/v1/logs/config/pipelines", 200, "[]");
    DATADOG.answer(
        "POST",
        "/api/v1/logs/config/pipelines",
        200,
        "{\"id\":\"pl-1\",\"name\":\"LLM control plane - spend\"}");

    send(post("/datadog/log-pipelines/cost"), "").andExpect(status().isCreated());
    JsonNode pipeline = DATADOG.last("POST").body();
    assertThat(pipeline.at("/name").asText()).isEqualTo("LLM control plane - spend");
    assertThat(pipeline.at("/processors/0/type").asText()).isEqualTo("arithmetic-processor");

    DATADOG.answer(
        "GET",
        "/api/v1/logs/config/pipelines",
        200,
        "[{\"id\":\"pl-1\",\"name\":\"LLM control plane - spend\",\"is_enabled\":true,\"filter\":{\"query\":\"service:x\"}}]");
    DATADOG.answer(
        "PUT",
        "/api/v1/logs/config/pipelines/pl-1",
        200,
        "{\"id\":\"pl-1\",\"name\":\"LLM control plane - spend\"}");
    send(post("/datadog/log-pipelines/cost"), "").andExpect(status().isOk());
    mvc.perform(get("/datadog/log-pipelines")).andExpect(jsonPath("$[0].bundled_as").value("cost"));
    send(post("/datadog/log-pipelines/everything"), "").andExpect(status().isNotFound());
  }

  @Test
  void recordsADeploymentForDoraWithAStableId() throws Exception {
    DATADOG.answer(
        "POST",
        "/api/v2/dora/deployment",
        200,
        "{\"data\":{\"id\":\"dep-1\",\"type\":\"dora_deployment\"}}");
    String request =
        "{\"version\":\"1.4.2\",\"git_commit\":\"66adc9350f2cc9b250b69abddab733dd55e1a588\","
            + "\"repository_url\":\"https://git.example.org/lrcp\",\"started_at\":\"2026-11-28T09:50:00Z\"}";

    send(post("/datadog/ci/deployment"), request).andExpect(status().isAccepted());
    JsonNode first = DATADOG.last("POST").body().at("/data/attributes");
    send(post("/datadog/ci/deployment"), request).andExpect(status().isAccepted());
    JsonNode second = DATADOG.last("POST").body().at("/data/attributes");

    assertThat(first.at("/service").asText()).isEqualTo("llm-reliability-control-plane");
    assertThat(first.at("/env").asText()).isEqualTo("test");
    assertThat(first.at("/started_at").asLong()).isEqualTo(1_795_859_400_000_000_000L);
    assertThat(first.at("/finished_at").asLong()).isEqualTo(1_795_860_000_000_000_000L);
    assertThat(first.at("/git/commit_sha").asText()).startsWith("66adc93");
    assertThat(first.at("/id").asText()).hasSize(32).isEqualTo(second.at("/id").asText());
  }

  @Test
  void errorsGoToErrorTrackingAsLogsAndComeBackAsIssues() throws Exception {
    DATADOG.answer("POST", "/api/v2/logs", 202, "{}");
    send(
            post("/datadog/error-tracking/track"),
            "{\"error_type\":\"UpstreamTimeout\",\"error_message\":\"gemini did not answer\",\"stack\":\"at a.B(B.java:1)\\nat c.D(D.java:2)\"}")
        .andExpect(status().isAccepted());
    JsonNode log = DATADOG.last("POST").body().get(0);
    assertThat(log.at("/status").asText()).isEqualTo("error");
    assertThat(log.get("error.kind").asText()).isEqualTo("UpstreamTimeout");
    assertThat(log.get("error.stack").asText()).contains("B.java");
    assertThat(log.at("/service").asText()).isEqualTo("llm-reliability-control-plane");

    DATADOG.answer(
        "POST",
        "/api/v2/error-tracking/issues/search",
        200,
        "{\"data\":[{\"id\":\"r1\",\"type\":\"error_tracking_search_result\",\"attributes\":{\"total_count\":12},"
            + "\"relationships\":{\"issue\":{\"data\":{\"id\":\"iss-1\",\"type\":\"issue\"}}}}],"
            + "\"included\":[{\"id\":\"iss-1\",\"type\":\"issue\",\"attributes\":{\"error_type\":\"UpstreamTimeout\","
            + "\"error_message\":\"gemini did not answer\",\"first_seen\":1795850000000,\"last_seen\":1795859000000,\"state\":\"OPEN\"}}]}");
    mvc.perform(get("/datadog/error-tracking/summary").param("hours", "24"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.issues[0].error_type").value("UpstreamTimeout"))
        .andExpect(jsonPath("$.issues[0].occurrences").value(12));
    JsonNode search = DATADOG.last("POST").body().at("/data/attributes");
    assertThat(search.at("/track").asText()).isEqualTo("logs");
    assertThat(search.at("/query").asText())
        .isEqualTo("service:llm-reliability-control-plane env:test");
    assertThat(search.at("/to").asLong() - search.at("/from").asLong()).isEqualTo(24 * 3_600_000L);
  }

  @Test
  void datadogErrorsBecomeClearProblemsNeverOurOwn500() throws Exception {
    DATADOG.answer("GET", "/api/v1/notebooks", 200, "{\"data\":[]}");
    String rca = "{\"incident_id\":\"inc-0123456789abcdef\"}";

    DATADOG.answer("POST", "/api/v1/notebooks", 403, "{\"errors\":[\"Forbidden\"]}");
    send(post("/datadog/notebooks/root-cause-analysis"), rca)
        .andExpect(status().isBadGateway())
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:datadog-refused-credentials"))
        .andExpect(jsonPath("$.datadog_status").value(403));

    DATADOG.answer("POST", "/api/v1/notebooks", 400, "{\"errors\":[\"Invalid cell\"]}");
    send(post("/datadog/notebooks/root-cause-analysis"), rca)
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Invalid cell")));

    DATADOG.answer(
        "POST",
        "/api/v1/notebooks",
        429,
        "{\"errors\":[\"slow down\"]}",
        Map.of("x-ratelimit-reset", "7"));
    send(post("/datadog/notebooks/root-cause-analysis"), rca)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "7"));

    DATADOG.answer("POST", "/api/v1/notebooks", 500, "{\"errors\":[\"Internal\"]}");
    send(post("/datadog/notebooks/root-cause-analysis"), rca)
        .andExpect(status().isBadGateway())
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:datadog-error"));

    mvc.perform(get("/datadog/oncall/current/unknown-schedule"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:datadog-not-found"));
  }

  @Test
  void routesWithoutAPublicApiOrReplacedAnswer501NamingTheAlternative() throws Exception {
    for (String path :
        new String[] {
          "/datadog/ci/test-result",
          "/datadog/service-map/enhance-tags",
          "/datadog/service-map/track-dependency",
          "/datadog/oncall/critical-error",
          "/datadog/workflows/model-switch"
        }) {
      send(post(path), "{}")
          .andExpect(status().isNotImplemented())
          .andExpect(jsonPath("$.alternative").isNotEmpty());
    }
    send(post("/datadog/workflows/model-switch"), "{}")
        .andExpect(jsonPath("$.alternative").value(containsString("/routing/overrides")));
    assertThat(DATADOG.requests()).isEmpty();
  }

  @Test
  void productsAreComputedFromKeysAndWhatWasSent() throws Exception {
    when(telemetry.snapshot())
        .thenReturn(new TelemetryActivity.Snapshot("localhost:8125", 17, false, false, 0));

    mvc.perform(get("/datadog/products"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.products[?(@.name == 'Metrics')].status").value("emitting"))
        .andExpect(jsonPath("$.products[?(@.name == 'APM')].status").value("not_configured"))
        .andExpect(jsonPath("$.products[?(@.name == 'Notebooks')].status").value("configured"))
        .andExpect(jsonPath("$.counts.emitting").value(2));
  }

  private ResultActions send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String json)
      throws Exception {
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json));
  }
}
