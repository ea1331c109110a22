package dev.lrcp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.LatencyScenario;
import dev.lrcp.LiveServiceTest;
import dev.lrcp.health.MutableClock;
import dev.lrcp.incident.IncidentEvaluator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream over real HTTP while real call records go through the health windows and incident
 * rules (a hand-moved clock stands for the minutes of traffic): a subscriber sees an incident open
 * and resolve, and a client that reconnects with {@code Last-Event-ID} gets what it missed.
 */
@LiveServiceTest
class InsightsStreamScenarioTests {

  static final String KEY = LiveServiceTest.KEY;
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired MutableClock clock;
  @Autowired IncidentEvaluator evaluator;

  private final HttpClient http = HttpClient.newHttpClient();

  private LatencyScenario scenario;

  @BeforeEach
  void quietService() {
    scenario = new LatencyScenario(events, clock, evaluator);
    scenario.quiet();
  }

  @Test
  void aSubscriberSeesAnIncidentOpenAndResolveDuringAScenario() throws Exception {
    try (var stream = open(null)) {
      stream.next("ready", WAIT);

      scenario.spike();
      JsonNode opened = data(stream.next("incident.opened", WAIT));
      assertThat(opened.path("rule").asString()).isEqualTo("latency_slo");
      assertThat(opened.path("title").asString()).contains("p95 latency on model gemini-2.5-pro");

      scenario.recover();
      JsonNode resolved = data(stream.next("incident.resolved", WAIT));
      assertThat(resolved.path("id").asString()).isEqualTo(opened.path("id").asString());
      assertThat(resolved.path("reason").asString()).contains("resolved automatically");
    }
  }

  @Test
  void aClientThatReconnectsWithItsLastEventIdGetsWhatItMissedInOrder() throws Exception {
    String lastSeen;
    String incident;
    try (var stream = open(null)) {
      stream.next("ready", WAIT);
      scenario.spike();
      var opened = stream.next("incident.opened", WAIT);
      incident = data(opened).path("id").asString();
      lastSeen = stream.lastEventId();
      assertThat(lastSeen).isEqualTo(opened.id());
    }

    // while nobody listens: the spike goes on (updated), then recovers (resolved)
    scenario.persist();
    scenario.recover();

    try (var resumed = open(lastSeen)) {
      List<SseClient.Event> received = resumed.until("ready", WAIT);
      var ready = received.getLast();
      List<SseClient.Event> replayed =
          received.stream().filter(e -> e.type().startsWith("incident.")).toList();
      assertThat(replayed).isNotEmpty();
      assertThat(replayed).extracting(SseClient.Event::type).doesNotContain("incident.opened");
      assertThat(replayed.getFirst().type()).isEqualTo("incident.updated");
      assertThat(replayed.getLast().type()).isEqualTo("incident.resolved");
      assertThat(replayed)
          .allSatisfy(e -> assertThat(data(e).path("id").asString()).isEqualTo(incident));
      assertThat(replayed).extracting(e -> seq(e.id())).isSorted().allMatch(s -> s > seq(lastSeen));
      assertThat(seq(ready.id())).isGreaterThanOrEqualTo(seq(replayed.getLast().id()));
    }
  }

  @Test
  void anIdFromAnotherRunGetsAResetInsteadOfASilentGap() throws Exception {
    try (var stream = open("zzzz-42")) {
      assertThat(data(stream.next("reset", WAIT)).path("reason").asString())
          .contains("reload the current state");
      stream.next("ready", WAIT);
    }
  }

  @Test
  void theStreamSendsTheHealthScoreAndNeedsTheKeyLikeEveryEndpoint() throws Exception {
    try (var stream = open(null)) {
      assertThat(stream.response().headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
      JsonNode health = data(stream.next("health", WAIT));
      assertThat(health.path("scope").asString()).isEqualTo("service");
      assertThat(health.has("stats")).isTrue();
    }
    var refused =
        http.send(
            HttpRequest.newBuilder(uri()).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("urn:lrcp:problem:unauthorized");
  }

  private SseClient open(String lastEventId) throws Exception {
    return SseClient.open(http, uri(), KEY, lastEventId);
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/insights/stream");
  }

  private static JsonNode data(SseClient.Event e) {
    return JSON.readTree(e.data());
  }

  private static long seq(String id) {
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
  }
}
