package dev.lrcp.datadog.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lrcp.incident.Incidents;
import dev.lrcp.telemetry.TelemetryActivity;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Without DD_API_KEY and DD_APP_KEY every action is a 503 problem and nothing reaches Datadog. */
@ActionSliceTest
class DatadogActionsWithoutKeysTests {

  static final DatadogRecorder DATADOG = new DatadogRecorder();

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

  @Test
  void everyActionAnswers503AndSendsNothing() throws Exception {
    List<MockHttpServletRequestBuilder> actions =
        List.of(
            json(post("/datadog/notebooks/root-cause-analysis"), "{\"incident_id\":\"inc-1\"}"),
            json(post("/datadog/notebooks/cost-optimization"), "{\"window\":\"7d\"}"),
            json(
                post("/datadog/synthetics/health-check"),
                "{\"service_url\":\"https://x.example.org\"}"),
            json(
                post("/datadog/synthetics/tests"),
                "{\"name\":\"n\",\"url\":\"https://x.example.org\"}"),
            get("/datadog/synthetics/tests"),
            json(post("/datadog/oncall/page"), "{\"team\":\"t\",\"title\":\"down\"}"),
            get("/datadog/oncall/current/sched-1"),
            json(post("/datadog/workflows/trigger/wf-1"), "{}"),
            json(post("/datadog/log-pipelines/llm-request"), ""),
            get("/datadog/log-pipelines"),
            json(post("/datadog/ci/deployment"), "{\"version\":\"1.0.0\"}"),
            json(
                post("/datadog/error-tracking/track"),
                "{\"error_type\":\"E\",\"error_message\":\"m\"}"),
            get("/datadog/error-tracking/summary"));

    for (var action : actions) {
      mvc.perform(action)
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.type").value("urn:lrcp:problem:datadog-not-configured"))
          .andExpect(jsonPath("$.title").value("Datadog API not configured"));
    }
    assertThat(DATADOG.requests()).isEmpty();
  }

  @Test
  void theProductListSaysWhatIsMissing() throws Exception {
    org.mockito.Mockito.when(telemetry.snapshot())
        .thenReturn(new TelemetryActivity.Snapshot(null, 0, false, false, 0));
    mvc.perform(get("/datadog/products"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.products[?(@.name == 'Notebooks')].status").value("not_configured"))
        .andExpect(
            jsonPath("$.products[?(@.name == 'Notebooks')].detail")
                .value("set DD_API_KEY and DD_APP_KEY"))
        .andExpect(jsonPath("$.products[?(@.name == 'Metrics')].status").value("not_configured"));
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
