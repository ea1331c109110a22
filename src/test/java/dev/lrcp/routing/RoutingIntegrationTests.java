package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Routing in the whole service on the simulated provider: one route stage for {@code /qa} and the
 * gateway on both ports, the decision in the metadata, the record and storage, runtime overrides
 * through the API, and the errors a request naming the wrong thing gets.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "lrcp.simulated.latency-scale=0",
      "lrcp.storage.flush-interval=20ms",
      "lrcp.routing.applications.eval.policy=cascade",
      "lrcp.routing.applications.eval.models=gemini-2.5-flash,gemini-2.5-pro",
      "lrcp.routing.aliases.thrifty.policy=cascade",
      "spring.datasource.url=jdbc:h2:mem:routing-it;DB_CLOSE_DELAY=-1"
    })
class RoutingIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int DATA_PLANE = Local.freePort();
  static final String CHAT =
      """
      {"model":"%s","stream":%s,"messages":[{"role":"user","content":"What is an SLO?"}]}""";
  static final String QA =
      """
      {"question":"What is an SLO?","document":"An SLO is a target for a service level."}""";

  @DynamicPropertySource
  static void dataPlane(DynamicPropertyRegistry registry) {
    registry.add("lrcp.gateway.port", () -> DATA_PLANE);
    registry.add("lrcp.gateway.address", () -> "127.0.0.1");
  }

  @LocalServerPort int port;
  @Autowired Records records;
  @Autowired CallRecordRepository stored;
  @Autowired CallRecordWriter writer;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static final class Records {
    final List<CallRecord> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CallRecord record) {
      seen.add(record);
    }

    CallRecord of(String promptId) {
      return seen.stream().filter(r -> r.promptId().equals(promptId)).findFirst().orElse(null);
    }
  }

  @TestConfiguration
  static class Listening {
    @Bean
    Records records() {
      return new Records();
    }
  }

  @Test
  void theGatewayOnBothPortsAndQaRouteThroughTheSameStageByApplication() throws Exception {
    HttpResponse<String> qa = post(port, "/qa", QA, "eval");
    assertThat(qa.statusCode()).as(qa.body()).isEqualTo(200);
    JsonNode decision = JSON.readTree(qa.body()).at("/metadata/routing_decision");
    assertThat(decision.path("policy").asString()).isEqualTo("cascade");
    assertThat(decision.path("candidates").toString())
        .isEqualTo("[\"gemini-2.5-flash\",\"gemini-2.5-pro\"]");
    assertThat(decision.path("reference_model").asString()).isEqualTo("gemini-2.5-pro");
    var ids = new java.util.ArrayList<String>();
    ids.add(JSON.readTree(qa.body()).at("/metadata/prompt_id").asString());
    for (int p : List.of(port, DATA_PLANE)) {
      for (boolean stream : List.of(false, true)) {
        var chat = post(p, "/v1/chat/completions", CHAT.formatted("auto", stream), "eval");
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        ids.add(chat.headers().firstValue("X-Request-Id").orElseThrow());
      }
    }

    Local.awaitTrue(() -> ids.stream().allMatch(id -> records.of(id) != null));
    for (String id : ids) {
      CallRecord.Routing routing = records.of(id).routing();
      assertThat(routing.policy()).as(id).isEqualTo("cascade");
      assertThat(routing.candidates()).containsExactly("gemini-2.5-flash", "gemini-2.5-pro");
      assertThat(records.of(id).labels().application()).isEqualTo("eval");
    }
    // and storage carries the decision
    writer.flush();
    CallRecord back = stored.byPromptId(ids.getFirst()).getFirst();
    assertThat(back.routing().policy()).isEqualTo("cascade");
    assertThat(back.routing().candidates()).containsExactly("gemini-2.5-flash", "gemini-2.5-pro");
    assertThat(back.routing().referenceModel()).isEqualTo("gemini-2.5-pro");
    assertThat(back.routing().savingsUsd())
        .isEqualTo(records.of(ids.getFirst()).routing().savingsUsd());
  }

  @Test
  void anUnknownApplicationTagsNothingAndGetsTheEndpointsPolicy() throws Exception {
    HttpResponse<String> qa = post(port, "/qa", QA, "nobody");

    JsonNode metadata = JSON.readTree(qa.body()).at("/metadata");
    assertThat(metadata.at("/routing_decision/policy").asString()).isEqualTo("static");
    assertThat(metadata.at("/routing_decision/savings_usd").asDouble()).isZero();
    assertThat(records.of(metadata.path("prompt_id").asString()).labels().application()).isNull();
  }

  @Test
  void anOverrideSwitchesTrafficNowIsListedWithItsAuditAndEndsWhenRemoved() throws Exception {
    var created =
        post(
            port,
            "/routing/overrides",
            """
            {"scope":{"endpoint":"/reason"},"model":"gemini-2.5-flash","ttl":"PT30M",
             "reason":"pro p95 above the SLO"}""",
            null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode override = JSON.readTree(created.body());
    String id = override.path("id").asString();
    assertThat(created.headers().firstValue("Location")).contains("/routing/overrides/" + id);
    assertThat(override.at("/audit/0/action").asString()).isEqualTo("created");
    assertThat(override.at("/audit/0/actor").asString()).isEqualTo("addr:127.0.0.1");

    JsonNode reason = JSON.readTree(post(port, "/reason", "{\"prompt\":\"Plan\"}", null).body());
    assertThat(reason.at("/metadata/model").asString()).isEqualTo("gemini-2.5-flash");
    assertThat(reason.at("/metadata/routing_decision/policy").asString()).isEqualTo("override");
    assertThat(reason.at("/metadata/routing_decision/override_id").asString()).isEqualTo(id);
    assertThat(reason.at("/metadata/routing_decision/reference_model").asString())
        .isEqualTo("gemini-2.5-pro");
    assertThat(reason.at("/metadata/routing_decision/savings_usd").asDouble()).isPositive();
    JsonNode listed = JSON.readTree(get("/routing/overrides").body());
    assertThat(listed.findValuesAsString("id")).contains(id);

    var removed = send("DELETE", "/routing/overrides/" + id + "?reason=recovered");
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(JSON.readTree(removed.body()).at("/audit/1/action").asString()).isEqualTo("removed");
    JsonNode after = JSON.readTree(post(port, "/reason", "{\"prompt\":\"Plan\"}", null).body());
    assertThat(after.at("/metadata/model").asString()).isEqualTo("gemini-2.5-pro");
    assertThat(send("DELETE", "/routing/overrides/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void overridesNamingAnUnknownScopeOrModelAre422AndMalformedOnes400() throws Exception {
    assertProblem(
        "{\"scope\":{\"endpoint\":\"/nope\"},\"model\":\"gemini-2.5-flash\",\"ttl\":\"PT5M\",\"reason\":\"x\"}",
        422,
        "scope.endpoint");
    assertProblem(
        "{\"scope\":{\"application\":\"nobody\"},\"model\":\"gemini-2.5-flash\",\"ttl\":\"PT5M\",\"reason\":\"x\"}",
        422,
        "scope.application");
    assertProblem(
        "{\"scope\":{\"endpoint\":\"/qa\"},\"model\":\"gemini-9\",\"ttl\":\"PT5M\",\"reason\":\"x\"}",
        422,
        "model");
    assertProblem(
        "{\"scope\":{\"endpoint\":\"/qa\"},\"model\":\"gemini-2.5-flash\",\"ttl\":\"30 minutes\",\"reason\":\"x\"}",
        400,
        "ttl");
    assertProblem(
        "{\"model\":\"gemini-2.5-flash\",\"ttl\":\"PT5M\",\"reason\":\"x\"}", 400, "scope");
    assertProblem(
        "{\"scope\":{\"endpoint\":\"/qa\"},\"model\":\"gemini-2.5-flash\",\"ttl\":\"PT5M\"}",
        400,
        "reason");
  }

  @Test
  void anUnknownPolicyIsA400NamingTheModelFieldOnQaAndOnTheGateway() throws Exception {
    var qa = post(port, "/qa", "{\"question\":\"What?\",\"model\":\"auto:cheapest\"}", null);
    assertThat(qa.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(qa.body()).at("/errors/0/field").asString()).isEqualTo("model");

    var chat = post(DATA_PLANE, "/v1/chat/completions", CHAT.formatted("auto:nope", false), null);
    assertThat(chat.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(chat.body()).at("/error/param").asString()).isEqualTo("model");

    var alias = post(port, "/v1/chat/completions", CHAT.formatted("thrifty", false), null);
    assertThat(alias.statusCode()).as(alias.body()).isEqualTo(200);
  }

  @Test
  void theRoutingReportShowsPoliciesLiveModelsAndRealisedSavings() throws Exception {
    for (int i = 0; i < 3; i++) {
      post(port, "/qa", QA, "eval");
    }
    writer.flush();

    JsonNode report = JSON.readTree(get("/routing?window=1h").body());

    assertThat(report.path("stats_window").asString()).isEqualTo("15m");
    assertThat(report.path("policies").findValuesAsString("name"))
        .contains("/qa", "/reason", "/stress", "/v1/chat/completions", "eval", "thrifty");
    assertThat(report.path("live").findValuesAsString("model")).contains("gemini-2.5-flash");
    JsonNode savings = report.path("savings");
    assertThat(savings.path("window").asString()).isEqualTo("1h");
    assertThat(savings.path("calls").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(savings.path("by_endpoint_and_policy").findValuesAsString("policy"))
        .contains("cascade");
    assertThat(get("/routing?window=forever").statusCode()).isEqualTo(400);
  }

  void assertProblem(String body, int status, String field) throws Exception {
    var response = post(port, "/routing/overrides", body, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo(field);
  }

  HttpResponse<String> post(int to, String path, String body, String application) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(BodyPublishers.ofString(body));
    if (application != null) {
      request.header("X-LRCP-Application", application);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", path);
  }

  HttpResponse<String> send(String method, String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, BodyHandlers.ofString());
  }
}
