package dev.lrcp.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lrcp.health.MutableClock;
import dev.lrcp.storage.CallRecordWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thinking budget and the endpoint's model, implemented by the service: a recommendation
 * computed from stored calls, implemented, changes the next calls in the flow (and, for the model,
 * {@code GET /routing}); reverting restores what was there before. Each test has its own week of
 * the shared clock, so the other tests' records stay out of its windows.
 */
@OptimizationTestContext
class ControlScenarioTests {

  private static final String LONG_PROMPT =
      "{\"prompt\": \"Summarize the last 100 production incidents.\", \"repetitions\": 40}";

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired CallRecordWriter writer;

  @Test
  void anImplementedThinkingBudgetBoundsTheNextCallsThinkingUntilReverted() throws Exception {
    clock.set(Instant.parse("2027-01-10T08:00:00Z"));
    Instant stored = clock.instant().minus(Duration.ofHours(3));
    for (int i = 0; i < 60; i++) {
      var usage = Usage.of("/stress", "gemini-2.5-flash", 600, 40).thinking(i % 2 == 0 ? 50 : 400);
      writer.on(usage.quality(0.7 + (i % 3) * 0.01).at(stored.plusSeconds(i)));
    }
    writer.flush();

    JsonNode budget = find(generate(), "thinking_budget", "/stress");
    assertThat(budget.at("/control/type").asString()).isEqualTo("thinking_budget");
    assertThat(budget.at("/control/value").asString()).isEqualTo("50");
    assertThat(budget.at("/monthly_savings/usd").asDouble()).isPositive();

    List<JsonNode> before = calls("/stress", LONG_PROMPT, 24);
    String id = budget.get("id").asString();
    implement(id);
    mvc.perform(get("/optimization/controls"))
        .andExpect(jsonPath("$.thinking_budgets[0].endpoint").value("/stress"))
        .andExpect(jsonPath("$.thinking_budgets[0].tokens").value(50));
    List<JsonNode> after = calls("/stress", LONG_PROMPT, 24);
    clock.advance(Duration.ofMinutes(1));

    assertThat(thinking(before)).anyMatch(tokens -> tokens > 50);
    assertThat(thinking(after)).allMatch(tokens -> tokens <= 50);
    JsonNode report = body(mvc.perform(get("/optimization/roi-report").param("days", "7")));
    JsonNode roi = find(report.get("implemented"), "thinking_budget", null).get("roi");
    assertThat(roi.get("reason").isNull()).as(roi.toString()).isTrue();
    assertThat(roi.at("/cost_per_request_change/usd").asDouble()).isNegative();
    assertThat(roi.at("/cost_per_request_change/high_usd").asDouble()).isNegative();

    mvc.perform(post("/optimization/recommendations/" + id + "/revert"))
        .andExpect(jsonPath("$.status").value("reverted"));
    mvc.perform(get("/optimization/controls")).andExpect(jsonPath("$.thinking_budgets").isEmpty());
    assertThat(thinking(calls("/stress", LONG_PROMPT, 24))).anyMatch(tokens -> tokens > 50);
  }

  @Test
  void anImplementedCheaperModelBecomesTheEndpointsPolicyUntilReverted() throws Exception {
    clock.set(Instant.parse("2027-02-10T08:00:00Z"));
    Instant stored = clock.instant().minus(Duration.ofHours(3));
    for (int i = 0; i < 120; i++) {
      String model = i % 3 == 0 ? "gemini-2.5-flash-lite" : "gemini-2.5-flash";
      var usage = Usage.of("/qa", model, 400, 120).quality(0.82 + (i % 5) * 0.01);
      writer.on(usage.at(stored.plusSeconds(i)));
    }
    writer.flush();
    String qa =
        "{\"question\": \"What does Datadog collect?\", \"document\": \"Datadog collects.\"}";
    assertThat(models(calls("/qa", qa, 3))).containsOnly("gemini-2.5-flash");

    JsonNode cheaper = find(generate(), "cheaper_model", "/qa");
    assertThat(cheaper.at("/control/value").asString()).isEqualTo("gemini-2.5-flash-lite");
    String id = cheaper.get("id").asString();
    implement(id);

    mvc.perform(get("/routing"))
        .andExpect(jsonPath("$.policies[0].name").value("/qa"))
        .andExpect(jsonPath("$.policies[0].candidates[0]").value("gemini-2.5-flash-lite"))
        .andExpect(jsonPath("$.policies[0].reference_model").value("gemini-2.5-flash"))
        .andExpect(jsonPath("$.policies[0].source").value("choice"))
        .andExpect(jsonPath("$.model_choices[0].model").value("gemini-2.5-flash-lite"))
        .andExpect(jsonPath("$.model_choices[0].source").value("recommendation " + id))
        .andExpect(jsonPath("$.model_choices[0].created_by").value("sre"))
        .andExpect(jsonPath("$.model_choices[0].removed_at").isEmpty());
    List<JsonNode> after = calls("/qa", qa, 3);
    assertThat(models(after)).containsOnly("gemini-2.5-flash-lite");
    assertThat(after.getFirst().at("/metadata/routed_by").asString()).isEqualTo("choice");
    assertThat(models(calls("/qa", qa.replace("}", ", \"model\": \"gemini-2.5-pro\"}"), 1)))
        .as("a call that names its model keeps it")
        .containsOnly("gemini-2.5-pro");

    mvc.perform(post("/optimization/recommendations/" + id + "/revert").param("by", "lead"))
        .andExpect(jsonPath("$.status").value("reverted"));
    mvc.perform(get("/routing"))
        .andExpect(jsonPath("$.policies[0].candidates[0]").value("gemini-2.5-flash"))
        .andExpect(jsonPath("$.policies[0].source").value("configuration"))
        .andExpect(jsonPath("$.model_choices[0].removed_by").value("lead"));
    assertThat(models(calls("/qa", qa, 3))).containsOnly("gemini-2.5-flash");
  }

  private JsonNode generate() throws Exception {
    return body(mvc.perform(post("/optimization/recommendations/generate"))).get("recommendations");
  }

  private void implement(String id) throws Exception {
    clock.advance(Duration.ofSeconds(1));
    mvc.perform(
            post("/optimization/recommendations/" + id + "/implement")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"implemented_by\": \"sre\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.control_applied").value(true));
  }

  /** Sends calls one second apart; their responses. */
  private List<JsonNode> calls(String path, String content, int n) throws Exception {
    var answers = new ArrayList<JsonNode>();
    for (int i = 0; i < n; i++) {
      clock.advance(Duration.ofSeconds(1));
      answers.add(
          body(mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(content))));
    }
    writer.flush();
    return answers;
  }

  private static List<Integer> thinking(List<JsonNode> answers) {
    return answers.stream().map(a -> a.at("/metadata/thinking_tokens").asInt()).toList();
  }

  private static List<String> models(List<JsonNode> answers) {
    return answers.stream().map(a -> a.at("/metadata/model").asString()).toList();
  }

  private JsonNode body(ResultActions result) throws Exception {
    var response = result.andExpect(status().isOk()).andReturn().getResponse();
    return json.readTree(response.getContentAsString());
  }

  private static JsonNode find(JsonNode items, String category, String endpoint) {
    for (JsonNode item : items) {
      if (item.get("category").asString().equals(category)
          && (endpoint == null || endpoint.equals(item.get("endpoint").asString()))) {
        return item;
      }
    }
    throw new AssertionError("no " + category + " on " + endpoint + " in " + items);
  }
}
