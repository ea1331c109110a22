package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadog.api.client.v1.model.Dashboard;
import com.datadog.api.client.v1.model.LogsPipeline;
import com.datadog.api.client.v1.model.Monitor;
import com.datadog.api.client.v1.model.ServiceLevelObjectiveRequest;
import com.datadog.api.client.v1.model.SyntheticsAPITest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The validator reports what the client's lenient deserialization lets through. */
class StrictModelValidatorTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String MONITOR =
      """
      {"name":"m","type":"query alert","message":"x",
       "query":"avg(last_5m):avg:llm.health_score{*} < 60","options":{"thresholds":{"critical":60}}}""";

  @Test
  void cleanMonitorPasses() throws Exception {
    assertThat(StrictModelValidator.validate(JSON.readTree(MONITOR), Monitor.class)).isEmpty();
  }

  @Test
  void reportsUnknownFieldsWithTheirPath() throws Exception {
    String json =
        MONITOR.replace("\"options\":{", "\"incident_config\":{},\"options\":{\"thresholdz\":{},");
    assertThat(StrictModelValidator.validate(JSON.readTree(json), Monitor.class))
        .containsExactlyInAnyOrder(
            "$.incident_config: unknown field", "$.options.thresholdz: unknown field");
  }

  @Test
  void reportsForecastAlertAsAnInvalidMonitorType() throws Exception {
    String json = MONITOR.replace("query alert", "forecast alert");
    assertThat(StrictModelValidator.validate(JSON.readTree(json), Monitor.class))
        .singleElement()
        .asString()
        .contains("$.type: invalid enum value 'forecast alert'");
  }

  @Test
  void reportsAnSloWithoutThresholds() throws Exception {
    JsonNode slo = JSON.readTree("{\"name\":\"s\",\"type\":\"metric\",\"targets\":[]}");
    assertThat(StrictModelValidator.validate(slo, ServiceLevelObjectiveRequest.class))
        .singleElement()
        .asString()
        .contains("does not deserialize");
  }

  @Test
  void reportsUnderscoreLogProcessorTypesAsUnmatchedOneOf() throws Exception {
    JsonNode pipeline =
        JSON.readTree(
            """
            {"name":"p","processors":[
              {"type":"grok_parser","name":"g","source":"message","grok":{"match_rules":"r %{data:x}"}},
              {"type":"grok-parser","name":"g","source":"message","grok":{"match_rules":"r %{data:x}"}}]}""");
    assertThat(StrictModelValidator.validate(pipeline, LogsPipeline.class))
        .singleElement()
        .asString()
        .startsWith("$.processors[0]: matches no oneOf schema");
  }

  @Test
  void reportsTimeseriesLegendOnADashboard() throws Exception {
    JsonNode dashboard =
        JSON.readTree(
            """
            {"title":"d","layout_type":"ordered","widgets":[{"definition":{"type":"timeseries",
              "legend":true,"requests":[{"q":"avg:llm.health_score{*}"}]}}]}""");
    assertThat(StrictModelValidator.validate(dashboard, Dashboard.class)).isNotEmpty();
  }

  @Test
  void reportsTheOriginalJsonPathAssertionShape() throws Exception {
    JsonNode test =
        JSON.readTree(
            """
            {"name":"t","type":"api","subtype":"http","locations":["aws:us-east-1"],"message":"",
             "options":{"tick_every":60},
             "config":{"request":{"method":"GET","url":"https://x/health"},
               "assertions":[{"type":"body","target":"$.status","property":"status","expectedValue":"ok"}]}}""");
    assertThat(StrictModelValidator.validate(test, SyntheticsAPITest.class)).isNotEmpty();
  }
}
