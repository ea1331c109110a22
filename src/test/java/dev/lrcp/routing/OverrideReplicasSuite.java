package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.ControlPlaneApplication;
import dev.lrcp.health.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas (two application contexts) on one database, with one injected clock: an override
 * created on one switches the other's traffic within its refresh, ends on both the moment it
 * expires, and its expiry is audited once; a removal on either ends it everywhere. A model chosen
 * for an endpoint is shared the same way.
 */
abstract class OverrideReplicasSuite {

  static final JsonMapper JSON = JsonMapper.builder().build();

  final MutableClock clock = new MutableClock(Instant.now());
  final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();

  /** Datasource (and Flyway) properties of the shared database. */
  abstract Map<String, Object> database();

  @AfterEach
  void stopReplicas() {
    replicas.forEach(ConfigurableApplicationContext::close);
  }

  ConfigurableApplicationContext start() {
    var properties = new java.util.HashMap<String, Object>(database());
    properties.put("server.port", 0);
    properties.put("lrcp.gateway.port", -1);
    properties.put("lrcp.simulated.latency-scale", 0);
    properties.put("lrcp.quality.embeddings", false);
    // as arguments, so they win over application.yml (server.port: ${PORT:8080})
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    var context =
        new SpringApplicationBuilder(ControlPlaneApplication.class)
            .initializers(c -> c.getBeanFactory().registerSingleton("clock", (Clock) clock))
            .run(args);
    replicas.add(context);
    return context;
  }

  @Test
  void anOverrideMadeOnOneReplicaRoutesTheOthersTrafficAndExpiresOnBoth() throws Exception {
    var a = start();
    var b = start();

    JsonNode created =
        send(
            a,
            "POST",
            "/routing/overrides",
            """
            {"scope":{"endpoint":"/reason"},"model":"gemini-2.5-flash","ttl":"PT30M",
             "reason":"pro is slow"}""");
    String id = created.path("id").asString();

    awaitModel(b, "gemini-2.5-flash"); // b re-reads the shared table within its refresh
    assertThat(reasonModel(a)).isEqualTo("gemini-2.5-flash");

    clock.advance(Duration.ofMinutes(31));
    assertThat(reasonModel(a)).isEqualTo("gemini-2.5-pro");
    assertThat(reasonModel(b)).isEqualTo("gemini-2.5-pro");

    a.getBean(Overrides.class).refresh();
    b.getBean(Overrides.class).refresh();
    JsonNode audit = send(b, "GET", "/routing/overrides/" + id, null).path("audit");
    assertThat(audit.findValuesAsString("action")).containsExactly("created", "expired");
    assertThat(send(a, "GET", "/routing/overrides", null).path("overrides")).isEmpty();
  }

  @Test
  void anOverrideRemovedOnOneReplicaEndsOnTheOther() throws Exception {
    var a = start();
    var b = start();
    String id =
        send(
                a,
                "POST",
                "/routing/overrides",
                """
                {"scope":{"endpoint":"/reason"},"model":"gemini-2.5-flash-lite","ttl":"PT1H",
                 "reason":"drill"}""")
            .path("id")
            .asString();
    awaitModel(b, "gemini-2.5-flash-lite");

    send(b, "DELETE", "/routing/overrides/" + id + "?reason=done", null);

    awaitModel(a, "gemini-2.5-pro");
  }

  @Test
  void aModelChoiceMadeOnOneReplicaRoutesTheOthersTrafficUntilItsSourceClearsIt() throws Exception {
    var a = start();
    var b = start();
    var choice =
        new ModelChoice.New(
            "/reason", "gemini-2.5-flash", "cheaper and as good", "recommendation opt-1", "sre");

    a.getBean(ModelChoices.class).choose(choice);
    awaitModel(b, "gemini-2.5-flash");

    assertThat(b.getBean(ModelChoices.class).clear("/reason", "recommendation opt-0", "sre"))
        .as("another source's revert leaves it")
        .isFalse();
    assertThat(b.getBean(ModelChoices.class).clear("/reason", "recommendation opt-1", "lead"))
        .isTrue();
    awaitModel(a, "gemini-2.5-pro");
    JsonNode kept = send(a, "GET", "/routing", null).path("model_choices").get(0);
    assertThat(kept.path("model").asString()).isEqualTo("gemini-2.5-flash");
    assertThat(kept.path("created_by").asString()).isEqualTo("sre");
    assertThat(kept.path("removed_by").asString()).isEqualTo("lead");
  }

  String reasonModel(ConfigurableApplicationContext replica) throws Exception {
    return send(replica, "POST", "/reason", "{\"prompt\":\"Plan a migration\"}")
        .at("/metadata/model")
        .asString();
  }

  void awaitModel(ConfigurableApplicationContext replica, String model) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!reasonModel(replica).equals(model)) {
      assertThat(Instant.now()).as("replica never routed to " + model).isBefore(deadline);
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // poll, not a timing assumption
    }
  }

  JsonNode send(ConfigurableApplicationContext replica, String method, String path, String body)
      throws Exception {
    int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
            .build();
    var response = http.send(request, BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    return JSON.readTree(response.body());
  }
}
