package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each Failure Theater scenario against the packaged service, as a new user runs it: normal
 * traffic, then the scenario. The incident it opens names, on its first read, the dimension value
 * the scenario changed with a confidence above 0; while it is open its scope's status is not
 * healthy; once normal traffic has replaced the scenario's calls, the incident resolves and the
 * status is healthy again. Rules run every second over 20 s windows so that this takes minutes, not
 * hours. First reads are written to {@code target/it-logs/scenario-<name>.json}.
 */
class TheaterScenariosIT {

  private static final JsonMapper JSON = new JsonMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration OPENS = Duration.ofSeconds(60);
  private static final Duration RECOVERS = Duration.ofSeconds(120);

  private static RunningService service;
  private static final Set<String> seen = new HashSet<>();

  @BeforeAll
  static void start() throws Exception {
    service =
        RunningService.start(
            "theater-scenarios",
            Map.of(
                "LRCP_SIMULATED_LATENCY_SCALE", "0",
                "LRCP_INCIDENTS_EVALUATEEVERY", "1s",
                "LRCP_INCIDENTS_WINDOW", "20s",
                "LRCP_INCIDENTS_RECOVERY", "5s",
                "LRCP_HEALTH_WINDOW", "20s"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  @ParameterizedTest(name = "{0} opens {1} naming {2}={3}")
  @CsvSource({
    "LATENCY, latency_slo, traffic, injected, /reason",
    "COST, token_abuse, endpoint, /stress, /stress",
    "QUALITY, quality_drop, endpoint, /qa, /qa",
    "SECURITY, security_attack, endpoint, /qa, /qa",
    "RETRY, retry_storm, traffic, injected, /reason"
  })
  void scenarioOpensAnExplainedIncidentThatCapsTheStatusUntilRecovery(
      TheaterScenarios scenario, String rule, String dimension, String value, String endpoint)
      throws Exception {
    assertThat(TheaterScenarios.NORMAL.run(service.uri("/"))).containsOnly(200);
    seen.addAll(ids("/incidents?size=100"));

    var sent = CompletableFuture.supplyAsync(() -> send(scenario));
    JsonNode incident = firstRead(rule);
    JsonNode status = health(incident.get("scope"));
    Files.writeString(
        Path.of("target", "it-logs", "scenario-" + scenario.name().toLowerCase() + ".json"),
        JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(Map.of("incident", incident, "health", status)));

    var attribution = incident.get("attribution");
    assertThat(attribution.get("confidence").asDouble()).as(attribution.toString()).isPositive();
    assertThat(attribution.get("causes").valueStream())
        .as(attribution.toString())
        .anyMatch(
            c ->
                c.get("dimension").asString().equals(dimension)
                    && c.get("value").asString().equals(value));
    assertThat(attribution.get("causes").valueStream())
        .as("names the endpoint the scenario sent to: %s", attribution)
        .anyMatch(c -> c.get("value").asString().equals(endpoint));
    assertThat(status.get("status").asString()).as(status.toString()).isNotEqualTo("healthy");
    assertThat(sent.get()).isNotEmpty();

    String id = incident.get("id").asString();
    JsonNode recovered = recover(id, incident.get("scope"));
    assertThat(recovered.get("status").asString()).isIn("healthy", "no_data");
    assertThat(recovered.get("capped_by").isNull()).isTrue();
    assertThat(get("/insights/health-score").get("status").asString()).isEqualTo("healthy");
    assertThat(get("/incidents/" + id).get("status").asString()).isEqualTo("resolved");
  }

  private static java.util.List<Integer> send(TheaterScenarios scenario) {
    try {
      return scenario.run(service.uri("/"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The first GET /incidents/{id} of the first new incident of {@code rule}, polled as it opens.
   */
  private static JsonNode firstRead(String rule) throws Exception {
    Instant deadline = Instant.now().plus(OPENS);
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode i : get("/incidents?status=open&size=100").get("items")) {
        String id = i.get("id").asString();
        if (!seen.contains(id) && i.get("rule").asString().equals(rule)) {
          return get("/incidents/" + id);
        }
      }
      pause();
    }
    throw new AssertionError(
        "no " + rule + " incident opened in " + OPENS + "; log: " + service.log());
  }

  /** Sends normal traffic until the incident resolves and its scope is healthy again. */
  private static JsonNode recover(String id, JsonNode scope) throws Exception {
    Instant deadline = Instant.now().plus(RECOVERS);
    JsonNode status = null;
    while (Instant.now().isBefore(deadline)) {
      TheaterScenarios.NORMAL.run(service.uri("/"));
      status = health(scope);
      boolean resolved = get("/incidents/" + id).get("status").asString().equals("resolved");
      boolean clear = Set.of("healthy", "no_data").contains(status.get("status").asString());
      boolean service = get("/insights/health-score").get("status").asString().equals("healthy");
      if (resolved && clear && service) {
        return status;
      }
      pause();
    }
    throw new AssertionError("not recovered in " + RECOVERS + ": " + status);
  }

  private static JsonNode health(JsonNode scope) throws Exception {
    var query = new StringBuilder("/insights/health-score?");
    for (String key : new String[] {"endpoint", "model"}) {
      if (!scope.get(key).isNull()) {
        query
            .append(key)
            .append('=')
            .append(URLEncoder.encode(scope.get(key).asString(), StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return get(query.toString());
  }

  private static Set<String> ids(String path) throws Exception {
    var ids = new HashSet<String>();
    get(path).get("items").forEach(i -> ids.add(i.get("id").asString()));
    return ids;
  }

  private static JsonNode get(String path) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(service.uri(path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The poll interval. */
  private static void pause() throws InterruptedException {
    Thread.sleep(250);
  }
}
