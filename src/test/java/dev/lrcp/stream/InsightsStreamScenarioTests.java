package dev.lrcp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.Records;
import dev.lrcp.health.MutableClock;
import dev.lrcp.incident.IncidentEvaluator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream over real HTTP while real call records go through the health windows and incident
 * rules (a hand-moved clock stands for the minutes of traffic): a subscriber sees an incident open
 * and resolve, and a client that reconnects with {@code Last-Event-ID} gets what it missed.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:stream-it;DB_CLOSE_DELAY=-1",
      "lrcp.storage.directory=target/stream-it-data",
      "lrcp.incidents.evaluate-every=0",
      "lrcp.incidents.count-every=0",
      "lrcp.incidents.delivery.every=0",
      "lrcp.storage.stats-interval=0",
      "lrcp.storage.maintenance-interval=0",
      "lrcp.api-keys=" + InsightsStreamScenarioTests.KEY
    })
@Import(InsightsStreamScenarioTests.Config.class)
class InsightsStreamScenarioTests {

  static final String KEY = "stream-test-key";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired MutableClock clock;
  @Autowired IncidentEvaluator evaluator;

  private final HttpClient http = HttpClient.newHttpClient();

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
    }
  }

  @BeforeEach
  void quietService() {
    clock.advance(Duration.ofHours(2));
    evaluator.evaluate();
  }

  @Test
  void aSubscriberSeesAnIncidentOpenAndResolveDuringAScenario() throws Exception {
    try (var stream = open(null)) {
      stream.next("ready", WAIT);

      traffic(Duration.ofMinutes(10), 1000);
      traffic(Duration.ofMinutes(2), 5200);
      evaluator.evaluate();
      JsonNode opened = data(stream.next("incident.opened", WAIT));
      assertThat(opened.path("rule").asString()).isEqualTo("latency_slo");
      assertThat(opened.path("title").asString()).contains("p95 latency on model gemini-2.5-pro");

      recover();
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
      traffic(Duration.ofMinutes(10), 1000);
      traffic(Duration.ofMinutes(2), 5200);
      evaluator.evaluate();
      var opened = stream.next("incident.opened", WAIT);
      incident = data(opened).path("id").asString();
      lastSeen = stream.lastEventId();
      assertThat(lastSeen).isEqualTo(opened.id());
    }

    // while nobody listens: the spike goes on (updated), then recovers (resolved)
    traffic(Duration.ofMinutes(1), 5200);
    evaluator.evaluate();
    recover();

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

  private void recover() {
    for (int minute = 0; minute < 5; minute++) {
      traffic(Duration.ofMinutes(1), 1000);
      evaluator.evaluate();
    }
  }

  /** Calls every 2 s on /qa and /reason: gemini-2.5-pro at {@code proLatency}, flash at 500 ms. */
  private void traffic(Duration duration, long proLatency) {
    Instant end = clock.instant().plus(duration);
    int i = 0;
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofSeconds(2));
      for (String endpoint : List.of("/qa", "/reason")) {
        long jitter = (i++ * 37L) % 200;
        events.publishEvent(
            Records.call(clock.instant(), endpoint, "gemini-2.5-pro", proLatency + jitter));
        events.publishEvent(
            Records.call(clock.instant(), endpoint, "gemini-2.5-flash", 500 + jitter));
      }
    }
  }

  private static JsonNode data(SseClient.Event e) {
    return JSON.readTree(e.data());
  }

  private static long seq(String id) {
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
  }
}
