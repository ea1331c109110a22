package dev.lrcp.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.admission.Replicas.Replica;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budgets, rate limits, revocation and the cache hold across two instances on one PostgreSQL: calls
 * go to both, on both ports (servlet and data plane), whole and streamed, concurrently.
 */
class TwoReplicaAdmissionTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static Replicas replicas;

  @BeforeAll
  static void start() throws Exception {
    replicas = new Replicas(Map.of("lrcp.simulated.latency-scale", "0.05"));
  }

  @AfterAll
  static void stop() {
    if (replicas != null) {
      replicas.close();
    }
  }

  static JsonNode createKey(String body) throws Exception {
    var created = Replicas.post(replicas.a().main("/admin/keys"), Replicas.ADMIN_KEY, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode key = JSON.readTree(created.body());
    awaitKnownEverywhere(key.path("key").asString());
    return key;
  }

  /** The other replica learns a key at its next reload. */
  static void awaitKnownEverywhere(String key) throws Exception {
    Instant deadline = Instant.now().plusSeconds(10);
    for (Replica r : replicas.replicas) {
      while (Replicas.get(r.main("/budgets"), key).statusCode() == 401) {
        assertThat(Instant.now()).as("key known on " + r.name()).isBefore(deadline);
        Thread.onSpinWait();
      }
    }
  }

  static String chat(String model, int maxTokens, boolean stream, String text) {
    return "{\"model\":\""
        + model
        + "\",\"max_tokens\":"
        + maxTokens
        + ",\"stream\":"
        + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\""
        + text
        + "\"}]}";
  }

  /** Call {@code i} goes to one of both replicas, one of both ports, whole or streamed. */
  static HttpResponse<String> call(int i, String key, String model, int maxTokens)
      throws Exception {
    Replica r = replicas.replicas.get(i % 2);
    boolean dataPlane = (i / 2) % 2 == 0;
    boolean stream = (i / 4) % 2 == 0;
    String url = dataPlane ? r.gateway("/v1/chat/completions") : r.main("/v1/chat/completions");
    return Replicas.post(url, key, chat(model, maxTokens, stream, "Explain caching, call " + i));
  }

  static List<HttpResponse<String>> concurrently(int n, Callable<HttpResponse<String>>[] calls)
      throws Exception {
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<HttpResponse<String>>>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(calls[i]));
      }
      var out = new ArrayList<HttpResponse<String>>();
      for (var f : futures) {
        out.add(f.get(120, TimeUnit.SECONDS));
      }
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  static Callable<HttpResponse<String>>[] calls(int n, String key, String model, int maxTokens) {
    Callable<HttpResponse<String>>[] calls = new Callable[n];
    for (int i = 0; i < n; i++) {
      int index = i;
      calls[i] = () -> call(index, key, model, maxTokens);
    }
    return calls;
  }

  static double recordedSpend(String application, long answered) {
    var jdbc = replicas.jdbc();
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      Long rows =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM call_record WHERE application = ?", Long.class, application);
      if (rows != null && rows >= answered) {
        break;
      }
      assertThat(Instant.now()).as("records written").isBefore(deadline);
      Thread.onSpinWait();
    }
    Double spend =
        jdbc.queryForObject(
            "SELECT SUM(cost_usd) FROM call_record WHERE application = ?",
            Double.class,
            application);
    return spend == null ? 0 : spend;
  }

  @Test
  void fourHundredConcurrentCallsOnBothReplicasStayWithinADailyBudget() throws Exception {
    JsonNode key =
        createKey(
            "{\"name\":\"budget-test\",\"application\":\"budget-app\",\"models\":[\"gpt-4o\"],"
                + "\"budget_usd_per_day\":0.05}");
    var responses = concurrently(400, calls(400, key.path("key").asString(), "gpt-4o", 300));

    long answered = responses.stream().filter(r -> r.statusCode() == 200).count();
    var refused = responses.stream().filter(r -> r.statusCode() != 200).toList();
    assertThat(refused).isNotEmpty();
    for (var r : refused) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
      JsonNode error = JSON.readTree(r.body()).path("error");
      assertThat(error.path("type").asString()).isEqualTo("budget_exceeded");
      assertThat(error.path("message").asString())
          .contains("Budget exceeded for key 'budget-test': daily budget $0.0500");
    }
    double spent = recordedSpend("budget-app", answered);
    System.out.printf(
        "budget: %d of 400 answered, %d refused, recorded spend $%.6f of $0.05%n",
        answered, refused.size(), spent);
    assertThat(spent).isLessThanOrEqualTo(0.05 + Allowances.OVERSHOOT_BOUND_USD);
    assertThat(spent).as("leases strand little of the budget").isGreaterThan(0.035);
    long streamedAnswers =
        responses.stream()
            .filter(r -> r.statusCode() == 200 && r.body().startsWith("data:"))
            .count();
    assertThat(streamedAnswers).as("streams are admitted and counted").isPositive();
  }

  @Test
  void aRequestsPerMinuteLimitOfSixtyHoldsAcrossBothReplicas() throws Exception {
    replicas.clock.set(Instant.parse("2026-12-07T10:05:01Z")); // one clock minute for every call
    JsonNode key =
        createKey("{\"name\":\"rpm-test\",\"application\":\"rpm-app\",\"rpm_limit\":60}");
    var responses = concurrently(200, calls(200, key.path("key").asString(), "gpt-4o-mini", 50));

    long admitted = responses.stream().filter(r -> r.statusCode() == 200).count();
    System.out.printf("rpm: %d of 200 admitted against a limit of 60%n", admitted);
    assertThat(admitted).isLessThanOrEqualTo(60).isGreaterThanOrEqualTo(50);
    for (var r : responses) {
      assertThat(r.headers().firstValue("x-ratelimit-limit-requests")).contains("60");
      if (r.statusCode() != 200) {
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("requests");
        assertThat(error.path("code").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(error.path("message").asString())
            .contains("key 'rpm-test': 60 requests per minute");
      }
    }
  }

  @Test
  void aRevokedKeyStopsOnBothReplicasWithinOneSyncInterval() throws Exception {
    JsonNode key = createKey("{\"name\":\"revoke-test\"}");
    String secret = key.path("key").asString();
    String id = key.path("id").asString();
    for (Replica r : replicas.replicas) {
      assertThat(
              Replicas.post(
                      r.gateway("/v1/chat/completions"),
                      secret,
                      chat("gpt-4o-mini", 20, false, "hi"))
                  .statusCode())
          .isEqualTo(200);
    }
    var revoked =
        Replicas.post(replicas.a().main("/admin/keys/" + id + "/revoke"), Replicas.ADMIN_KEY, "");
    assertThat(revoked.statusCode()).isEqualTo(200);
    long start = System.nanoTime();
    var onA = Replicas.post(replicas.a().main("/qa"), secret, "{\"question\":\"Why?\"}");
    assertThat(onA.statusCode()).isEqualTo(401);
    assertThat(onA.body()).contains("API key 'revoke-test' has been revoked");
    Replica b = replicas.b();
    while (Replicas.post(
                b.gateway("/v1/chat/completions"), secret, chat("gpt-4o-mini", 20, false, "hi"))
            .statusCode()
        != 401) {
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("revocation reached the other replica")
          .isLessThan(Duration.ofSeconds(10));
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("revocation: refused on the other replica after %d ms%n", millis);
    assertThat(millis).isLessThan(1_000 + 1_000); // one sync interval, plus the reload and slack
  }

  @Test
  void theCacheIsSharedByReplicasButNeverCrossesKeys() throws Exception {
    String first =
        createKey("{\"name\":\"cache-one\",\"application\":\"cache-app\"}").path("key").asString();
    String second =
        createKey("{\"name\":\"cache-two\",\"application\":\"cache-app\"}").path("key").asString();
    String body =
        "{\"model\":\"gpt-4o-mini\",\"temperature\":0,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"What is a cache?\"}]}";
    var miss = Replicas.post(replicas.a().gateway("/v1/chat/completions"), first, body);
    assertThat(miss.headers().firstValue("X-LRCP-Cache")).contains("miss");
    String answer =
        JSON.readTree(miss.body())
            .path("choices")
            .path(0)
            .path("message")
            .path("content")
            .asString();

    // the answer reaches the shared table in the next batch; until then the other replica would
    // miss and store an answer of its own
    Instant deadline = Instant.now().plusSeconds(10);
    String stored = "SELECT COUNT(*) FROM response_cache WHERE question = 'What is a cache?'";
    while (replicas.jdbc().queryForObject(stored, Long.class) == 0) {
      assertThat(Instant.now()).as("answer stored").isBefore(deadline);
      Thread.onSpinWait();
    }
    var other = Replicas.post(replicas.b().main("/v1/chat/completions"), first, body);
    assertThat(other.headers().firstValue("X-LRCP-Cache")).contains("hit");
    assertThat(
            JSON.readTree(other.body())
                .path("choices")
                .path(0)
                .path("message")
                .path("content")
                .asString())
        .isEqualTo(answer);

    var streamed =
        Replicas.post(
            replicas.b().gateway("/v1/chat/completions"),
            first,
            body.replace("{\"model\"", "{\"stream\":true,\"model\""));
    assertThat(streamed.headers().firstValue("X-LRCP-Cache")).contains("hit");
    assertThat(streamed.body()).contains("data: [DONE]");

    for (Replica r : replicas.replicas) {
      var otherKey = Replicas.post(r.gateway("/v1/chat/completions"), second, body);
      assertThat(otherKey.headers().firstValue("X-LRCP-Cache")).as(r.name()).contains("miss");
    }
    var bypass =
        Replicas.post(
            replicas.a().gateway("/v1/chat/completions"), first, body, "Cache-Control", "no-store");
    assertThat(bypass.headers().firstValue("X-LRCP-Cache")).contains("miss");
  }

  @Test
  void refusalsNameWhatWasRefusedOnBothPorts() throws Exception {
    String key =
        createKey("{\"name\":\"models-test\",\"models\":[\"gpt-4o-mini\"]}").path("key").asString();
    var gateway =
        Replicas.post(
            replicas.b().gateway("/v1/chat/completions"), key, chat("gpt-4o", 20, false, "hi"));
    assertThat(gateway.statusCode()).isEqualTo(403);
    assertThat(gateway.body()).contains("may not use model 'gpt-4o'").contains("model_not_allowed");
    var qa =
        Replicas.post(
            replicas.a().main("/qa"), key, "{\"question\":\"Why?\",\"model\":\"gpt-4o\"}");
    assertThat(qa.statusCode()).isEqualTo(403);
    assertThat(qa.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(qa.body()).contains("urn:lrcp:problem:model-not-allowed").contains("'gpt-4o'");

    var noAdmin = Replicas.post(replicas.a().main("/admin/keys"), null, "{\"name\":\"x\"}");
    assertThat(noAdmin.statusCode()).isEqualTo(401);
    var wrongAdmin = Replicas.get(replicas.b().main("/admin/keys"), key);
    assertThat(wrongAdmin.statusCode()).isEqualTo(401);
    var unknown =
        Replicas.post(
            replicas.b().gateway("/v1/chat/completions"),
            "sk-lrcp-unknownkey12-abc",
            chat("gpt-4o-mini", 20, false, "hi"));
    assertThat(unknown.statusCode()).isEqualTo(401);
  }

  @Test
  void anApplicationBudgetRefusesOnTheProblemEndpointsWith429() throws Exception {
    var limits =
        Replicas.post(replicas.a().main("/admin/applications/tight-app"), Replicas.ADMIN_KEY, "");
    assertThat(limits.statusCode()).isIn(400, 405, 415); // PUT only
    var put =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(replicas.a().main("/admin/applications/tight-app")))
                    .header("Authorization", "Bearer " + Replicas.ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .PUT(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"budget_usd_per_month\":0.000001}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    String key =
        createKey("{\"name\":\"tight\",\"application\":\"tight-app\"}").path("key").asString();
    Instant deadline = Instant.now().plusSeconds(10);
    HttpResponse<String> qa;
    do {
      assertThat(Instant.now()).isBefore(deadline);
      qa = Replicas.post(replicas.b().main("/qa"), key, "{\"question\":\"Why is the sky blue?\"}");
    } while (qa.statusCode() == 200); // the other replica picks the limit up at its next reload
    assertThat(qa.statusCode()).isEqualTo(429);
    assertThat(qa.body())
        .contains("urn:lrcp:problem:budget-exceeded")
        .contains("Budget exceeded for application 'tight-app': monthly budget");
    assertThat(qa.headers().firstValue("Retry-After")).isPresent();
  }
}
