package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.ControlPlaneApplication;
import dev.lrcp.admission.Replicas;
import dev.lrcp.admission.Replicas.Replica;
import dev.lrcp.cluster.ClusterLease;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import dev.lrcp.health.HealthWindows;
import dev.lrcp.health.RecentCalls;
import dev.lrcp.health.Scope;
import dev.lrcp.health.WindowStats;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three instances on one PostgreSQL schema ({@code -Dlrcp.test.postgres.url}) beside one instance
 * on H2, all on one hand-moved clock, given the same call records: the three get a third each, the
 * single one all of them. Every instance then judges the same calls: the rules (run on the lease
 * holder only) open one incident whose evidence, attribution and runbook are the single instance's,
 * every instance shows it alike, the health scores agree, and when the holder stops its successor
 * carries on with the same incident. The spike is 9 calls per instance, under the rules' minimum of
 * 10: an instance judging only its own calls would open nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterViewTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String PRO = "gemini-2.5-pro";
  private static final String FLASH = "gemini-2.5-flash";
  private static final String KEY = "cluster-view-key";
  private static final Map<String, String> SETTINGS =
      Map.of(
          "lrcp.api-keys", KEY,
          "lrcp.incidents.evaluate-every", "0",
          "lrcp.incidents.count-every", "0",
          "lrcp.incidents.window", "1m",
          "lrcp.incidents.baseline", "4m",
          "lrcp.health.window", "1m",
          "lrcp.storage.maintenance-interval", "0");

  private static Replicas cluster;
  private static ConfigurableApplicationContext single;
  private static final List<Replica> running = new ArrayList<>();
  private static int sent;
  private static long latency = 300;

  @BeforeAll
  static void start() throws IOException {
    cluster = new Replicas(SETTINGS, 3);
    running.addAll(cluster.replicas);
    single = startSingle();
    cluster.clock.advance(Duration.ofHours(1)); // past anything read at start
  }

  @AfterAll
  static void stop() {
    if (single != null) {
      single.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void aSpikeSpreadOverThreeInstancesOpensTheIncidentOneInstanceOpensForTheSameCalls()
      throws Exception {
    traffic(Duration.ofMinutes(4), Duration.ofSeconds(5), false); // 48 calls of both models
    traffic(Duration.ofMinutes(1), Duration.ofMillis(2200), true); // 27 slow calls of one model

    running.forEach(PostgresClusterViewTests::evaluate);
    bean(single, IncidentEvaluator.class).evaluate();

    Incident alone = onlyActive(single);
    Incident shared = onlyActive(running.getFirst().context());
    assertThat(shared.rule()).isEqualTo("latency_slo");
    assertThat(shared.evidence().requests()).isGreaterThan(2 * 9);
    assertSameFinding(shared, alone);
    assertThat(incidentRows()).isEqualTo(1);

    JsonNode first = incident(running.getFirst(), shared.id());
    for (Replica r : running) {
      assertThat(onlyActive(r.context()).id()).isEqualTo(shared.id());
      assertThat(incident(r, shared.id())).isEqualTo(first);
    }
  }

  @Test
  @Order(2)
  void everyInstanceScoresTheServiceAsTheSingleInstanceDoes() throws Exception {
    WindowStats expected = stats(single);
    double score = healthScore(single);
    for (Replica r : running) {
      assertThat(stats(r.context())).isEqualTo(expected);
      assertThat(healthScore(r.context()))
          .isCloseTo(score, org.assertj.core.data.Offset.offset(1.0));
    }
  }

  @Test
  @Order(3)
  void whenTheEvaluatingInstanceStopsItsSuccessorKeepsTheSameIncident() throws Exception {
    Replica holder = awaitOneHolder();
    String id = onlyActive(holder.context()).id();
    running.remove(holder);
    holder.context().close();
    Replica successor = awaitOneHolder();

    traffic(Duration.ofSeconds(20), Duration.ofMillis(2200), true);
    running.forEach(PostgresClusterViewTests::evaluate);
    bean(single, IncidentEvaluator.class).evaluate();

    Incident shared = onlyActive(successor.context());
    assertThat(shared.id()).isEqualTo(id);
    assertThat(shared.updatedAt()).isEqualTo(cluster.clock.instant());
    assertSameFinding(shared, onlyActive(single));
    assertThat(incidentRows()).isEqualTo(1);
  }

  /** Sends calls every {@code every} over {@code length}: a spike is slow calls to one model. */
  private static void traffic(Duration length, Duration every, boolean spike) throws Exception {
    Instant end = cluster.clock.instant().plus(length);
    while (cluster.clock.instant().isBefore(end)) {
      cluster.clock.advance(every);
      latency += 7; // distinct latencies, so the worst calls are one set
      CallRecord call =
          spike
              ? Records.call(cluster.clock.instant(), "/reason", PRO, 3000 + latency)
              : Records.call(cluster.clock.instant(), "/qa", sent % 2 == 0 ? PRO : FLASH, latency);
      running.get(sent++ % running.size()).context().publishEvent(call);
      single.publishEvent(call);
      if (sent % 8 == 0) {
        awaitEveryInstanceHoldsAll(); // as live traffic would: another's calls arrive in seconds
      }
    }
    awaitEveryInstanceHoldsAll();
  }

  private static void awaitEveryInstanceHoldsAll() throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    int expected = held(single);
    while (!running.stream().allMatch(r -> held(r.context()) == expected)) {
      assertThat(Instant.now()).as("every instance holds the calls").isBefore(deadline);
      Thread.sleep(50); // polling the instances' reads of storage, not letting time pass
    }
  }

  private static int held(ConfigurableApplicationContext c) {
    Instant now = cluster.clock.instant();
    return bean(c, RecentCalls.class)
        .between(now.minus(Duration.ofHours(1)), now.plusMillis(1))
        .size();
  }

  private static void assertSameFinding(Incident shared, Incident alone) {
    assertThat(shared.scope()).isEqualTo(alone.scope());
    assertThat(shared.title()).isEqualTo(alone.title());
    assertThat(shared.severity()).isEqualTo(alone.severity());
    assertThat(shared.evidence()).isEqualTo(alone.evidence());
    assertThat(shared.attribution()).isEqualTo(alone.attribution());
    assertThat(shared.runbook()).isEqualTo(alone.runbook());
  }

  private static void evaluate(Replica r) {
    bean(r.context(), IncidentJobs.class).evaluate();
  }

  private static Incident onlyActive(ConfigurableApplicationContext c) {
    var store = bean(c, IncidentStore.class);
    var active = store.active();
    assertThat(active).hasSize(1);
    return store.find(active.getFirst().id()).orElseThrow();
  }

  private static long incidentRows() {
    Long n =
        bean(running.getFirst().context(), JdbcTemplate.class)
            .queryForObject("SELECT COUNT(*) FROM incident", Long.class);
    return n == null ? 0 : n;
  }

  private static WindowStats stats(ConfigurableApplicationContext c) {
    return bean(c, HealthWindows.class).stats(Duration.ofMinutes(1), Scope.SERVICE);
  }

  private static double healthScore(ConfigurableApplicationContext c) throws Exception {
    int port = Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    var response =
        Replicas.get("http://127.0.0.1:" + port + "/insights/health-score?window=1m", KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("health_score").asDouble();
  }

  private static JsonNode incident(Replica r, String id) throws Exception {
    var response = Replicas.get(r.main("/incidents/" + id), KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Replica awaitOneHolder() throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (true) {
      var holders = running.stream().filter(r -> bean(r.context(), ClusterLease.class).held());
      var list = holders.toList();
      assertThat(list).as("instances holding the lease at once").hasSizeLessThan(2);
      if (list.size() == 1) {
        return list.getFirst();
      }
      assertThat(Instant.now()).as("an instance holds the lease").isBefore(deadline);
      Thread.sleep(50); // polling the scheduled lease check, not letting time pass
    }
  }

  private static <T> T bean(ConfigurableApplicationContext c, Class<T> type) {
    return c.getBean(type);
  }

  /** The same service on its own H2 database: one process, all calls in its memory. */
  private static ConfigurableApplicationContext startSingle() throws IOException {
    var args = new HashMap<String, String>(SETTINGS);
    args.put("spring.datasource.url", "jdbc:h2:mem:cluster-view-single;DB_CLOSE_DELAY=-1");
    args.put("server.port", String.valueOf(freePort()));
    args.put("lrcp.gateway.port", String.valueOf(freePort()));
    args.put("lrcp.quality.embeddings", "false");
    args.put("lrcp.storage.directory", Files.createTempDirectory("cluster-view").toString());
    return new SpringApplicationBuilder(ControlPlaneApplication.class)
        .initializers(c -> c.getBeanFactory().registerSingleton("testClock", cluster.clock))
        .run(
            args.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
