package dev.lrcp.optimization;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lrcp.health.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The original's /optimization and create-from-insight paths: bodies, fields and problems. */
@OptimizationTestContext
class OptimizationApiTests {

  static final String PERSON =
      """
      {"title": "Use batch API for nightly jobs", "category": "batching",
       "description": "Nightly summaries do not need real-time answers.",
       "estimated_savings_per_request": 0.0004, "estimated_savings_percentage": 50,
       "priority": "high", "implementation_cost": 10}""";

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

  @Test
  void aPersonsRecommendationKeepsTheOriginalFields() throws Exception {
    String id =
        read(postJson("/optimization/recommendations", PERSON)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.startsWith("opt-")))
                .andExpect(jsonPath("$.category").value("batching"))
                .andExpect(jsonPath("$.status").value("pending"))
                .andExpect(jsonPath("$.created_at").exists())
                .andExpect(
                    jsonPath("$.message")
                        .value("Recommendation created: Use batch API for nightly jobs")))
            .get("id")
            .asString();

    mvc.perform(get("/optimization/recommendations").param("source", "person"))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[?(@.id == '" + id + "')].estimated_savings_per_request").value(0.0004))
        .andExpect(jsonPath("$[?(@.id == '" + id + "')].total_savings").value(0.0))
        .andExpect(jsonPath("$[?(@.id == '" + id + "')].results_count").value(0))
        .andExpect(jsonPath("$[?(@.id == '" + id + "')].priority").value("high"));
    mvc.perform(get("/optimization/recommendations/" + id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.results").isEmpty())
        .andExpect(jsonPath("$.implementation_cost").value(10.0))
        .andExpect(jsonPath("$.monthly_savings").isEmpty());
  }

  @Test
  void anImplementationIsAuditedAndItsBaselineKept() throws Exception {
    String id = read(postJson("/optimization/recommendations", PERSON)).get("id").asString();

    postJson(
            "/optimization/recommendations/" + id + "/implement",
            "{\"recommendation_id\": \""
                + id
                + "\", \"baseline_metrics\": {\"cost_per_request\":"
                + " 0.002}, \"implemented_by\": \"ana\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("implemented"))
        .andExpect(jsonPath("$.implemented_by").value("ana"))
        .andExpect(jsonPath("$.control_applied").value(false))
        .andExpect(jsonPath("$.implemented_at").exists());

    mvc.perform(get("/optimization/recommendations/" + id))
        .andExpect(jsonPath("$.baseline_metrics.cost_per_request").value(0.002))
        .andExpect(jsonPath("$.baseline_metrics.measured.requests").isNumber());
    mvc.perform(get("/optimization/controls"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.output_caps").isArray())
        .andExpect(jsonPath("$.thinking_budgets").isArray())
        .andExpect(jsonPath("$.model_choices").isArray())
        .andExpect(jsonPath("$.audit[?(@.recommendation_id == '" + id + "')].actor").value("ana"));
    postJson("/optimization/recommendations/" + id + "/implement", "{}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
  }

  @Test
  void recordResultWithTheCallersCostsGivesAFiniteRoiOrNullWithAReason() throws Exception {
    String id = read(postJson("/optimization/recommendations", PERSON)).get("id").asString();
    postJson("/optimization/recommendations/" + id + "/implement", "{}");

    postJson(
            "/optimization/recommendations/" + id + "/record-result",
            "{\"recommendation_id\": \""
                + id
                + "\", \"period_days\": 7, \"before_cost\": 50,"
                + " \"after_cost\": 20, \"request_count\": 1000, \"confidence_score\": 0.9}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.actual_savings").value(30.0))
        .andExpect(jsonPath("$.roi_percentage").value(200.0))
        .andExpect(jsonPath("$.confidence_score").value(0.9))
        .andExpect(jsonPath("$.recommendation_title").value("Use batch API for nightly jobs"));

    String free =
        read(postJson("/optimization/recommendations", PERSON.replace("10}", "0}")))
            .get("id")
            .asString();
    postJson("/optimization/recommendations/" + free + "/implement", "{}");
    postJson(
            "/optimization/recommendations/" + free + "/record-result",
            "{\"before_cost\": 5, \"after_cost\": 1, \"request_count\": 10}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.actual_savings").value(4.0))
        .andExpect(jsonPath("$.roi_percentage").isEmpty())
        .andExpect(jsonPath("$.roi_reason").value(org.hamcrest.Matchers.containsString("cost")));

    mvc.perform(get("/optimization/roi-report").param("days", "7").param("category", "batching"))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.recommendations_count")
                .value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)))
        .andExpect(jsonPath("$.average_roi").isNumber())
        .andExpect(jsonPath("$.top_recommendations[0].savings").value(30.0))
        .andExpect(jsonPath("$.savings_by_category.batching").isNumber());
    mvc.perform(get("/optimization/recommendations/" + id))
        .andExpect(jsonPath("$.results[0].roi_percentage").value(200.0))
        .andExpect(jsonPath("$.latest_roi").value(200.0));
  }

  @Test
  void unknownIdsAreNotFoundProblems() throws Exception {
    for (var request :
        java.util.List.of(
            get("/optimization/recommendations/opt-missing"),
            post("/optimization/recommendations/opt-missing/implement"),
            post("/optimization/recommendations/opt-missing/record-result"))) {
      mvc.perform(request)
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.type").value("urn:lrcp:problem:not-found"))
          .andExpect(jsonPath("$.detail").value("Recommendation opt-missing not found"));
    }
  }

  @Test
  void badInputIsAProblemNamingTheField() throws Exception {
    postJson("/optimization/recommendations", "{\"category\": \"x\", \"description\": \"d\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("title")));
    postJson("/optimization/recommendations", PERSON.replace("\"high\"", "\"urgent\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("priority")));
    mvc.perform(get("/optimization/recommendations").param("status", "done"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/optimization/roi-report").param("days", "0"))
        .andExpect(status().isBadRequest());
    String id = read(postJson("/optimization/recommendations", PERSON)).get("id").asString();
    postJson(
            "/optimization/recommendations/" + id + "/implement",
            "{\"recommendation_id\": \"opt-other\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("recommendation_id")));
    postJson("/optimization/recommendations/" + id + "/record-result", "{}")
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void anInsightBecomesAnIncidentWithTheThreeQuestions() throws Exception {
    postJson(
            "/incidents/create-from-insight",
            """
            {"insight_type": "cost_spike", "title": "Spend per request tripled on /stress",
             "description": "Prompts on /stress grew from 60 to 900 tokens.",
             "recommendations": ["Trim repeated content", "Cap answers at 256 tokens"],
             "metric": "llm.cost.usd"}""")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.success").value(true))
        .andExpect(jsonPath("$.incident.severity").value("SEV-3"))
        .andExpect(jsonPath("$.incident.runbook[3]").value("1. Trim repeated content"))
        .andExpect(jsonPath("$.incident.tags[2]").value("cost_spike"))
        .andExpect(jsonPath("$.message").value("Incident created from insight successfully"));
    postJson("/incidents/create-from-insight", "{\"insight_type\": \"x\"}")
        .andExpect(status().isBadRequest());
  }

  @Test
  void anomalyPathsTakeTheOriginalsQueryParameters() throws Exception {
    mvc.perform(get("/optimization/anomaly/recent").param("hours", "24"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.hours").value(24))
        .andExpect(jsonPath("$.anomalies").isArray());
    mvc.perform(
            post("/optimization/anomaly/attribute")
                .param("metric_name", "llm.cost.usd")
                .param("anomaly_timestamp", clock.instant().minusSeconds(3600).toString())
                .param("baseline_period_hours", "24")
                .param("analysis_window_hours", "1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.metric").value("llm.cost.usd"))
        .andExpect(jsonPath("$.window").value("2h"))
        .andExpect(jsonPath("$.baseline_window").value("24h"));
    mvc.perform(
            post("/optimization/anomaly/attribute")
                .param("metric_name", "llm.cost.usd")
                .param("anomaly_timestamp", "yesterday"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("anomaly_timestamp")));
  }

  private ResultActions postJson(String path, String body) throws Exception {
    return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  static Instant start() {
    return Instant.parse("2026-12-01T08:00:00Z");
  }
}
