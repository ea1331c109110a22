package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lrcp.flow.Records;
import dev.lrcp.health.MutableClock;
import dev.lrcp.storage.CallRecordWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The incident and attribution HTTP API: shapes, transitions and problem responses. */
@IncidentTestContext
class IncidentApiTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired IncidentJobs jobs;
  @Autowired MutableClock clock;
  @Autowired ApplicationEventPublisher events;
  @Autowired CallRecordWriter writer;

  private static final String MANUAL =
      """
      {"monitor_name": "LLM p95 latency", "alert_message": "p95 above 3 s on /reason",
       "runbook": "Check the provider status\\nSwitch /reason to gemini-2.5-flash",
       "severity": "SEV-1", "tags": ["team:llm"]}""";

  @Test
  void manualIncidentIsCreatedAcknowledgedAndResolved() throws Exception {
    var created =
        mvc.perform(
                post("/incidents/create").contentType(MediaType.APPLICATION_JSON).content(MANUAL))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString("/incidents/inc-")))
            .andExpect(jsonPath("$.success").value(true))
            .andExpect(jsonPath("$.incident.severity").value("SEV-1"))
            .andExpect(
                jsonPath("$.incident.runbook[1]").value("Switch /reason to gemini-2.5-flash"))
            .andExpect(jsonPath("$.incident.tags[0]").value("team:llm"))
            .andReturn();
    String id =
        json.readTree(created.getResponse().getContentAsString()).at("/incident/id").asString();

    mvc.perform(post("/incidents/" + id + "/acknowledge"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("acknowledged"));
    mvc.perform(post("/incidents/" + id + "/resolve"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("resolved"))
        .andExpect(
            jsonPath("$.timeline[*].kind")
                .value(org.hamcrest.Matchers.contains("opened", "acknowledged", "resolved")));
    mvc.perform(get("/incidents").param("status", "resolved").param("size", "100"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").exists())
        .andExpect(jsonPath("$.size").value(100));
  }

  @Test
  void invalidManualIncidentIsAProblem() throws Exception {
    mvc.perform(
            post("/incidents/create")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"monitor_name\": \"\", \"alert_message\": \"x\", \"runbook\": \"y\", \"severity\": \"SEV-9\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:validation"))
        .andExpect(jsonPath("$.detail").value(containsString("monitor_name")))
        .andExpect(
            jsonPath("$.detail").value(containsString("severity must be SEV-1, SEV-2 or SEV-3")));
  }

  @Test
  void malformedJsonIsAProblem() throws Exception {
    mvc.perform(post("/incidents/create").contentType(MediaType.APPLICATION_JSON).content("{bad"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:validation"));
  }

  @Test
  void unknownIncidentIsNotFoundAndBadFiltersAreRejected() throws Exception {
    mvc.perform(get("/incidents/inc-nope"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:not-found"));
    mvc.perform(post("/incidents/inc-nope/resolve")).andExpect(status().isNotFound());
    mvc.perform(get("/incidents").param("status", "sleeping"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:validation"));
    mvc.perform(get("/incidents").param("size", "1000")).andExpect(status().isBadRequest());
  }

  @Test
  void statusReportsTheSinkConfiguration() throws Exception {
    mvc.perform(get("/incidents/status"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(true))
        .andExpect(jsonPath("$.api_configured").value(false))
        .andExpect(jsonPath("$.service_name").value("llm-reliability-control-plane"))
        .andExpect(jsonPath("$.sink.site").value("datadoghq.com"))
        .andExpect(jsonPath("$.sink.pending_deliveries").isNumber());
  }

  @Test
  void openIncidentsAreCountedByRuleAndSeverity() throws Exception {
    mvc.perform(post("/incidents/create").contentType(MediaType.APPLICATION_JSON).content(MANUAL))
        .andExpect(status().isCreated());

    var counted = jobs.count();

    assertThat(counted.counts())
        .anySatisfy(
            c -> {
              assertThat(c.rule()).isEqualTo("manual");
              assertThat(c.severity()).isEqualTo("SEV-1");
              assertThat(c.open()).isPositive();
            });
  }

  @Test
  void attributesAStoredShiftToTheModelThatCausedIt() throws Exception {
    clock.advance(Duration.ofHours(3));
    for (int s = 0; s < 40 * 60; s += 5) {
      clock.advance(Duration.ofSeconds(5));
      boolean recent = s >= 30 * 60;
      events.publishEvent(
          Records.call(clock.instant(), "/reason", "gemini-2.5-pro", recent ? 6000 : 1000));
      events.publishEvent(Records.call(clock.instant(), "/qa", "gemini-2.5-flash", 500));
    }
    writer.flush();

    mvc.perform(
            post("/optimization/anomaly/attribute")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"metric\": \"llm.request.latency_ms\", \"window\": \"10m\", \"baseline\": \"30m\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.current_requests").value(240))
        .andExpect(jsonPath("$.attribution.causes[0].value").value("gemini-2.5-pro"))
        .andExpect(
            jsonPath("$.attribution.confidence")
                .value(org.hamcrest.Matchers.greaterThanOrEqualTo(0.8)));
    mvc.perform(
            post("/optimization/anomaly/attribute")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"metric\": \"llm.bogus\", \"window\": \"10m\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:lrcp:problem:validation"));
    mvc.perform(
            post("/optimization/anomaly/attribute")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"metric\": \"latency\", \"window\": \"ten minutes\"}"))
        .andExpect(status().isBadRequest());
  }
}
