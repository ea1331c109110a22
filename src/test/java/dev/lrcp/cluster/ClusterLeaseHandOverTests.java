package dev.lrcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.admission.Replicas;
import dev.lrcp.admission.Replicas.Replica;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances on one PostgreSQL schema: exactly one holds the cluster lease and both say which;
 * when it stops, the other takes the lease at its next check. Deadlines are generous for a loaded
 * CI machine; the measured hand-over is printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLeaseHandOverTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final String KEY = "cluster-test-key";
  private static Replicas replicas;

  @BeforeAll
  static void start() throws Exception {
    replicas = new Replicas(Map.of("lrcp.api-keys", KEY));
  }

  @AfterAll
  static void stop() {
    if (replicas != null) {
      replicas.close();
    }
  }

  @Test
  @Order(1)
  void exactlyOneInstanceHoldsTheLeaseAndEveryInstanceNamesIt() throws Exception {
    Replica holder = awaitOneHolder(replicas.replicas);

    for (Replica r : replicas.replicas) {
      JsonNode view = cluster(r);
      assertThat(view.path("lease").asString()).isEqualTo("postgresql-advisory-lock");
      assertThat(view.path("holder").asString())
          .isEqualTo(cluster(holder).path("replica").asString());
      assertThat(view.path("held").asBoolean()).isEqualTo(r == holder);
    }
  }

  @Test
  @Order(2)
  void whenTheHolderStopsTheOtherInstanceTakesOver() throws Exception {
    Replica holder = awaitOneHolder(replicas.replicas);
    Replica other = replicas.replicas.stream().filter(r -> r != holder).findFirst().orElseThrow();

    long stopped = System.nanoTime();
    holder.context().close();
    Replica successor = awaitOneHolder(List.of(other));
    System.out.printf(
        "cluster lease handed over %d ms after the holder's context closed (checks every %d s)%n",
        (System.nanoTime() - stopped) / 1_000_000, LeaseJobs.CHECK_EVERY.toSeconds());

    assertThat(successor).isSameAs(other);
    assertThat(cluster(other).path("holder").asString())
        .isEqualTo(cluster(other).path("replica").asString());
  }

  /** Polls until exactly one of the running instances holds the lease; never two at once. */
  private static Replica awaitOneHolder(List<Replica> running) throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      var holders = running.stream().filter(r -> lease(r).held()).toList();
      assertThat(holders).as("instances holding the lease at once").hasSizeLessThan(2);
      if (holders.size() == 1) {
        return holders.get(0);
      }
      Thread.sleep(50); // polling the scheduled lease check, not letting time pass
    }
    throw new AssertionError("no instance took the lease within " + DEADLINE);
  }

  private static ClusterLease lease(Replica r) {
    return r.context().getBean(ClusterLease.class);
  }

  private static JsonNode cluster(Replica r) throws Exception {
    var response = Replicas.get(r.main("/cluster"), KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
