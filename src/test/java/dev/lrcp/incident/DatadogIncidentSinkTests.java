package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.health.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The real datadog-api-client against a local stub that records requests: incidents are created and
 * updated through the outbox, a failing stub is retried with backoff, and the local incident is
 * never lost.
 */
class DatadogIncidentSinkTests {

  private final RecordingStub stub = new RecordingStub();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final List<Object> published = new ArrayList<>();
  private HikariDataSource ds;
  private IncidentStore store;
  private OutboxDispatcher dispatcher;

  @BeforeEach
  void setUp() throws Exception {
    ds = PersistenceSuite.pool("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null);
    store = PersistenceSuite.store(ds);
    var account =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "dd.api-key",
                        "test-api-key",
                        "dd.app-key",
                        "test-app-key",
                        "dd.env",
                        "test")))
            .bindOrCreate("dd", DatadogAccount.class);
    var sink = new DatadogIncidentSink(account, URI.create(stub.url()));
    dispatcher =
        new OutboxDispatcher(
            new Outbox(new JdbcTemplate(ds)),
            store,
            sink,
            PersistenceSuite.INCIDENTS.delivery(),
            published::add,
            clock);
  }

  @AfterEach
  void tearDown() {
    stub.close();
    ds.close();
  }

  @Test
  void createsTheIncidentWithSeverityAndRunbookThenUpdatesIt() throws Exception {
    var incident = openIncident();
    stub.enqueue(
        201,
        "{\"data\":{\"id\":\"dd-42\",\"type\":\"incidents\",\"attributes\":{\"title\":\"t\"}}}");

    assertThat(dispatcher.dispatch()).isEqualTo(1);

    var create = stub.requests().get(0);
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.target()).isEqualTo("/api/v2/incidents");
    assertThat(create.headers().getFirst("DD-API-KEY")).isEqualTo("test-api-key");
    assertThat(create.headers().getFirst("DD-APPLICATION-KEY")).isEqualTo("test-app-key");
    JsonNode body = PersistenceSuite.JSON.readTree(create.body());
    var attributes = body.at("/data/attributes");
    assertThat(body.at("/data/type").asString()).isEqualTo("incidents");
    assertThat(attributes.at("/title").asString()).isEqualTo(incident.title());
    assertThat(attributes.at("/fields/severity/value").asString()).isEqualTo("SEV-2");
    assertThat(attributes.at("/fields/state/value").asString()).isEqualTo("active");
    String markdown = attributes.at("/initial_cells/0/content/content").asString();
    assertThat(markdown)
        .contains("Switch /reason to gemini-2.5-flash")
        .contains("service:llm-reliability-control-plane env:test");
    assertThat(store.externalId(incident.id())).contains("incident:dd-42");

    clock.advance(Duration.ofSeconds(1));
    store.resolve(incident.id(), clock.instant(), "recovered");
    stub.enqueue(
        200,
        "{\"data\":{\"id\":\"dd-42\",\"type\":\"incidents\",\"attributes\":{\"title\":\"t\"}}}");
    assertThat(dispatcher.dispatch()).isEqualTo(1);
    var update = stub.requests().get(1);
    assertThat(update.method()).isEqualTo("PATCH");
    assertThat(update.target()).isEqualTo("/api/v2/incidents/dd-42");
    assertThat(
            PersistenceSuite.JSON
                .readTree(update.body())
                .at("/data/attributes/fields/state/value")
                .asString())
        .isEqualTo("resolved");
  }

  @Test
  void survivesTheStubFailingAndRetriesWithBackoff() throws Exception {
    var incident = openIncident();
    stub.enqueue(500, "{\"errors\":[\"boom\"]}");

    assertThat(dispatcher.dispatch()).isZero();

    assertThat(published)
        .singleElement()
        .isInstanceOfSatisfying(
            IncidentDeliveryFailed.class, f -> assertThat(f.reason()).contains("500"));
    assertThat(store.find(incident.id())).get().extracting(Incident::status).isEqualTo("open");
    assertThat(dispatcher.dispatch()).as("not due before the backoff").isZero();
    assertThat(stub.requests()).hasSize(1);

    clock.advance(Duration.ofSeconds(5));
    stub.enqueue(
        201,
        "{\"data\":{\"id\":\"dd-7\",\"type\":\"incidents\",\"attributes\":{\"title\":\"t\"}}}");
    assertThat(dispatcher.dispatch()).isEqualTo(1);
    assertThat(store.externalId(incident.id())).contains("incident:dd-7");
  }

  @Test
  void fallsBackToAnEventWhenIncidentManagementRefuses() throws Exception {
    var incident = openIncident();
    stub.enqueue(403, "{\"errors\":[\"Forbidden\"]}");
    stub.enqueue(202, "{\"status\":\"ok\",\"event\":{\"id\":123456,\"title\":\"t\"}}");

    assertThat(dispatcher.dispatch()).isEqualTo(1);

    assertThat(stub.requests())
        .extracting(RecordingStub.Request::target)
        .containsExactly("/api/v2/incidents", "/api/v1/events");
    var event = stub.requests().get(1);
    assertThat(event.target()).isEqualTo("/api/v1/events");
    JsonNode body = PersistenceSuite.JSON.readTree(event.body());
    assertThat(body.at("/title").asString()).startsWith("[SEV-2] [open] ");
    assertThat(body.at("/tags").toString())
        .contains("service:llm-reliability-control-plane", "env:test", "rule:latency_slo");
    assertThat(body.at("/aggregation_key").asString()).isEqualTo(incident.id());
    assertThat(store.externalId(incident.id())).contains("event:123456");
  }

  @Test
  void aFailedDeliveryEndsTheRunInsteadOfTryingEveryRowAgainstTheDownApi() throws Exception {
    openIncident("/qa");
    openIncident("/reason");
    openIncident("/stress");
    stub.enqueue(500, "{\"errors\":[\"boom\"]}");

    assertThat(dispatcher.dispatch()).isZero();

    assertThat(stub.requests()).as("one probe per run").hasSize(1);
    assertThat(published).hasSize(1);
  }

  @Test
  void theFirstDeliveryAfterAnOutageMakesTheWaitingRowsDueAtOnce() throws Exception {
    var waiting = openIncident("/qa");
    for (int i = 0; i < 3; i++) {
      stub.enqueue(500, "{\"errors\":[\"boom\"]}");
      assertThat(dispatcher.dispatch()).isZero();
      clock.advance(i < 2 ? dispatcher.backoff(i) : Duration.ofSeconds(1));
    }
    // the API answers again; the first row is still 19 s from its next attempt
    var fresh = openIncident("/reason");
    stub.enqueue(
        201,
        "{\"data\":{\"id\":\"dd-2\",\"type\":\"incidents\",\"attributes\":{\"title\":\"t\"}}}");
    stub.enqueue(
        201,
        "{\"data\":{\"id\":\"dd-1\",\"type\":\"incidents\",\"attributes\":{\"title\":\"t\"}}}");

    assertThat(dispatcher.dispatch()).isEqualTo(2);

    assertThat(store.externalId(fresh.id())).contains("incident:dd-2");
    assertThat(store.externalId(waiting.id())).contains("incident:dd-1");
  }

  private Incident openIncident() {
    return openIncident("/reason");
  }

  private Incident openIncident(String endpoint) {
    var now = clock.instant();
    var incident =
        new Incident(
            IncidentComposer.newId(),
            "latency_slo",
            "p95 latency on /reason is 4,210 ms, SLO 3,000 ms",
            "SEV-2",
            Incident.OPEN,
            Scope.endpoint(endpoint),
            now,
            now,
            null,
            null,
            null,
            List.of("Switch /reason to gemini-2.5-flash"),
            null,
            List.of(),
            List.of(),
            List.of());
    assertThat(store.open(incident, true)).isTrue();
    return incident;
  }
}
