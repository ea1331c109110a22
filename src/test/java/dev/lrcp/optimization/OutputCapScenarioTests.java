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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recommendation the service implements itself: stored calls whose answers have a long tail give
 * an output-cap recommendation; implementing it caps the next calls in the flow; the ROI of equal
 * windows around the implementation shows the cheaper calls; reverting removes the cap.
 */
@OptimizationTestContext
class OutputCapScenarioTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired CallRecordWriter writer;

  @Test
  void anImplementedOutputCapChangesTheNextCallsAndTheRoiShowsIt() throws Exception {
    clock.set(Instant.parse("2026-12-03T08:00:00Z"));
    Instant start = clock.instant();
    for (int i = 0; i < 60; i++) {
      var usage = Usage.of("/stress", "gemini-2.5-flash", 600, i % 20 == 0 ? 2000 : 40);
      writer.on(usage.at(start.minus(Duration.ofHours(3)).plusSeconds(i)));
    }
    writer.flush();

    JsonNode generated = body(mvc.perform(post("/optimization/recommendations/generate")));
    JsonNode cap = find(generated.get("recommendations"), "output_cap", "/stress");
    assertThat(cap.at("/control/value").asString()).isEqualTo("64");
    assertThat(cap.at("/monthly_savings/usd").asDouble()).isPositive();
    assertThat(cap.at("/monthly_savings/low_usd").asDouble())
        .isLessThanOrEqualTo(cap.at("/monthly_savings/usd").asDouble());
    assertThat(cap.get("confidence").asDouble()).isBetween(0.0, 1.0);

    List<Integer> before = stress(24);
    clock.advance(Duration.ofSeconds(1));
    String id = cap.get("id").asString();
    mvc.perform(
            post("/optimization/recommendations/" + id + "/implement")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"implemented_by\": \"sre\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.control_applied").value(true));
    mvc.perform(get("/optimization/controls"))
        .andExpect(jsonPath("$.output_caps[0].endpoint").value("/stress"))
        .andExpect(jsonPath("$.output_caps[0].tokens").value(64));
    List<Integer> after = stress(24);
    clock.advance(Duration.ofMinutes(1));

    assertThat(before).anyMatch(tokens -> tokens > 64);
    assertThat(after).allMatch(tokens -> tokens <= 64);
    JsonNode report = body(mvc.perform(get("/optimization/roi-report").param("days", "7")));
    JsonNode roi = find(report.get("implemented"), "output_cap", null).get("roi");
    assertThat(roi.get("reason").isNull()).as(roi.toString()).isTrue();
    assertThat(roi.at("/before/requests").asInt()).isEqualTo(24);
    assertThat(roi.at("/after/requests").asInt()).isEqualTo(24);
    assertThat(roi.at("/cost_per_request_change/usd").asDouble()).isNegative();
    assertThat(roi.at("/realised_monthly/usd").asDouble()).isPositive();

    mvc.perform(post("/optimization/recommendations/" + id + "/revert"))
        .andExpect(jsonPath("$.status").value("reverted"));
    mvc.perform(get("/optimization/controls")).andExpect(jsonPath("$.output_caps").isEmpty());
  }

  /** Sends /stress calls one second apart; their output token counts. */
  private List<Integer> stress(int n) throws Exception {
    var tokens = new ArrayList<Integer>();
    for (int i = 0; i < n; i++) {
      clock.advance(Duration.ofSeconds(1));
      JsonNode answer =
          body(
              mvc.perform(
                  post("/stress")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          "{\"prompt\": \"Summarize the last 100 production incidents.\","
                              + " \"repetitions\": 5}")));
      tokens.add(answer.at("/metadata/output_tokens").asInt());
    }
    writer.flush();
    return tokens;
  }

  private JsonNode body(org.springframework.test.web.servlet.ResultActions result)
      throws Exception {
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
    throw new AssertionError("no " + category + " in " + items);
  }
}
