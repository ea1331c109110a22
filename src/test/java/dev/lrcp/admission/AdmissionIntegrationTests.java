package dev.lrcp.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API, rotation, expiry, token limits, {@code GET /budgets} and the exact cache on one
 * instance with its embedded H2 database (the default deployment).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lrcp.admin-key=" + Replicas.ADMIN_KEY,
      "lrcp.simulated.latency-scale=0",
      "lrcp.quality.embeddings=false",
      "lrcp.storage.directory=target/admission-it-data",
      "spring.datasource.url=jdbc:h2:mem:admission-it;DB_CLOSE_DELAY=-1"
    })
class AdmissionIntegrationTests {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:30Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Primary, so every bean reads it instead of the service's system clock. */
  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @LocalServerPort int port;

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  JsonNode create(String body) throws Exception {
    var r = Replicas.post(url("/admin/keys"), Replicas.ADMIN_KEY, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  HttpResponse<String> chat(String key, String body) throws Exception {
    return Replicas.post(url("/v1/chat/completions"), key, body);
  }

  static final String HELLO =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

  @Test
  void aRotatedKeyReplacesTheOldSecretAndTheSecretIsNeverShownAgain() throws Exception {
    JsonNode key = create("{\"name\":\"rotating\",\"tags\":{\"team\":\"payments\"}}");
    String id = key.path("id").asString();
    String old = key.path("key").asString();
    assertThat(chat(old, HELLO).statusCode()).isEqualTo(200);

    var rotated = Replicas.post(url("/admin/keys/" + id + "/rotate"), Replicas.ADMIN_KEY, "");
    String fresh = JSON.readTree(rotated.body()).path("key").asString();

    assertThat(fresh).startsWith("sk-lrcp-" + id + "-").isNotEqualTo(old);
    assertThat(chat(old, HELLO).statusCode()).isEqualTo(401);
    assertThat(chat(fresh, HELLO).statusCode()).isEqualTo(200);
    var shown = Replicas.get(url("/admin/keys/" + id), Replicas.ADMIN_KEY);
    assertThat(shown.body()).doesNotContain(fresh.substring(21)).contains("\"team\":\"payments\"");
    assertThat(JSON.readTree(shown.body()).has("key")).isFalse();
  }

  @Test
  void anExpiredKeyIsRefusedNamingItsExpiry() throws Exception {
    String key =
        create("{\"name\":\"old\",\"expires_at\":\"2026-12-07T10:00:00Z\"}").path("key").asString();
    var r = chat(key, HELLO);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("API key 'old' expired at 2026-12-07T10:00:00Z");
  }

  @Test
  void aCallWhoseTokensExceedTheMinuteLimitIsRefusedNamingTokens() throws Exception {
    String key = create("{\"name\":\"tokens\",\"tpm_limit\":500}").path("key").asString();
    var r =
        chat(
            key,
            "{\"model\":\"gpt-4o-mini\",\"max_tokens\":800,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Hello\"}]}");
    assertThat(r.statusCode()).isEqualTo(429);
    JsonNode error = JSON.readTree(r.body()).path("error");
    assertThat(error.path("type").asString()).isEqualTo("tokens");
    assertThat(error.path("message").asString())
        .contains("key 'tokens': 500 tokens per minute (this call needs up to");
    assertThat(r.headers().firstValue("x-ratelimit-limit-tokens")).contains("500");
    var small = chat(key, HELLO.replace("\"messages\"", "\"max_tokens\":100,\"messages\""));
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(
            Long.parseLong(
                small.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow()))
        .isLessThanOrEqualTo(500);
  }

  @Test
  void budgetsShowSpendAndAKeySeesOnlyItsOwn() throws Exception {
    String mine =
        create("{\"name\":\"mine\",\"application\":\"app-a\",\"budget_usd_per_day\":1}")
            .path("key")
            .asString();
    create("{\"name\":\"theirs\",\"application\":\"app-b\",\"budget_usd_per_month\":2}");
    assertThat(chat(mine, HELLO).statusCode()).isEqualTo(200);

    JsonNode own = JSON.readTree(Replicas.get(url("/budgets"), mine).body()).path("budgets");
    assertThat(own).hasSize(1);
    assertThat(own.get(0).path("subject").asString()).isEqualTo("mine");
    assertThat(own.get(0).path("spent_usd").asDouble()).isPositive();
    assertThat(own.get(0).path("resets_at").asString()).isEqualTo("2026-12-08T00:00:00Z");

    JsonNode all =
        JSON.readTree(Replicas.get(url("/budgets"), Replicas.ADMIN_KEY).body()).path("budgets");
    assertThat(all.findValuesAsString("subject")).contains("mine", "theirs");
  }

  @Test
  void aDeterministicRequestIsAnsweredFromTheCacheTheSecondTime() throws Exception {
    String key = create("{\"name\":\"cached\"}").path("key").asString();
    String body = HELLO.replace("\"messages\"", "\"temperature\":0,\"messages\"");
    var first = chat(key, body);
    var second = chat(key, body);
    assertThat(first.headers().firstValue("X-LRCP-Cache")).contains("miss");
    assertThat(second.headers().firstValue("X-LRCP-Cache")).contains("hit");
    assertThat(JSON.readTree(second.body()).path("choices"))
        .isEqualTo(JSON.readTree(first.body()).path("choices"));
    assertThat(chat(key, HELLO).headers().firstValue("X-LRCP-Cache"))
        .as("temperature 0.7: the cache does not apply")
        .isEmpty();

    var qa = "{\"question\":\"What is a cache?\"}";
    Replicas.post(url("/qa"), key, qa, "X-LRCP-Cache", "exact");
    var hit = Replicas.post(url("/qa"), key, qa, "X-LRCP-Cache", "exact");
    assertThat(hit.headers().firstValue("X-LRCP-Cache")).contains("hit");
    assertThat(JSON.readTree(hit.body()).path("metadata").path("provider").asString())
        .isEqualTo("cache");
    JsonNode stats = JSON.readTree(Replicas.get(url("/cache"), Replicas.ADMIN_KEY).body());
    assertThat(stats.path("hits").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRequestCarryingPersonalDataIsNeverCached() throws Exception {
    String key = create("{\"name\":\"private\"}").path("key").asString();
    String body =
        """
        {"model":"gpt-4o-mini","temperature":0,
         "messages":[{"role":"user","content":"My card is 4111 1111 1111 1111, is it valid?"}]}
        """;
    chat(key, body);
    var second = chat(key, body);

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue("X-LRCP-Cache"))
        .as("a deterministic request is a hit the second time unless it was kept out")
        .contains("miss");
  }

  @Test
  void theAdminApiValidatesWhatItIsGiven() throws Exception {
    var noName = Replicas.post(url("/admin/keys"), Replicas.ADMIN_KEY, "{\"rpm_limit\":0}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noName.body()).contains("name").contains("rpm_limit");
    var unknownModel =
        Replicas.post(
            url("/admin/keys"), Replicas.ADMIN_KEY, "{\"name\":\"x\",\"models\":[\"gpt-9\"]}");
    assertThat(unknownModel.statusCode()).isEqualTo(422);
    assertThat(unknownModel.body()).contains("unknown model 'gpt-9'");
    var missing = Replicas.get(url("/admin/keys/nope"), Replicas.ADMIN_KEY);
    assertThat(missing.statusCode()).isEqualTo(404);
    var put =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/admin/applications/shop")))
                    .header("Authorization", "Bearer " + Replicas.ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"rpm_limit\":-1}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("rpm_limit");
  }
}
