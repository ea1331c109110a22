package dev.lrcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.admission.Replicas;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The advisory-lock lease on PostgreSQL ({@code -Dlrcp.test.postgres.url}, which scripts/test.sh
 * passes), each test in fresh schemas: several pools stand for several replicas.
 */
class AdvisoryLeaseTests {

  private final String schema = "lrcp_lease_" + UUID.randomUUID().toString().substring(0, 8);
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<AdvisoryLease> leases = new ArrayList<>();

  private AdvisoryLease replica(String name, String inSchema) {
    String url = Replicas.postgresUrl();
    var pool = new HikariDataSource();
    pool.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + inSchema);
    pool.setMaximumPoolSize(3);
    pools.add(pool);
    new JdbcTemplate(pool).execute("CREATE SCHEMA IF NOT EXISTS " + inSchema);
    var lease = new AdvisoryLease(pool, name);
    leases.add(lease);
    return lease;
  }

  @AfterEach
  void close() {
    leases.forEach(AdvisoryLease::release);
    if (!pools.isEmpty()) {
      var jdbc = new JdbcTemplate(pools.get(0));
      jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      jdbc.execute("DROP SCHEMA IF EXISTS " + schema + "_b CASCADE");
    }
    pools.forEach(HikariDataSource::close);
  }

  @Test
  void oneReplicaHoldsTheLeaseAndEveryReplicaNamesIt() {
    var a = replica("host:8101", schema);
    var b = replica("host:8102", schema);

    assertThat(a.tryHold()).isTrue();
    assertThat(b.tryHold()).isFalse();

    assertThat(a.held()).isTrue();
    assertThat(b.held()).isFalse();
    assertThat(a.holder()).contains("host:8101");
    assertThat(b.holder()).contains("host:8101");
  }

  @Test
  void aReleasedLeaseGoesToTheNextReplicaThatChecks() {
    var a = replica("host:8101", schema);
    var b = replica("host:8102", schema);
    a.tryHold();

    a.release();

    assertThat(a.held()).isFalse();
    assertThat(b.tryHold()).isTrue();
    assertThat(a.tryHold()).isFalse();
    assertThat(a.holder()).contains("host:8102");
  }

  @Test
  void aHolderWhoseSessionEndsLosesTheLeaseAndAnotherTakesIt() {
    var a = replica("host:8101", schema);
    var b = replica("host:8102", schema);
    a.tryHold();

    Boolean killed =
        new JdbcTemplate(pools.get(1))
            .queryForObject(
                "SELECT bool_and(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = 'host:8101'",
                Boolean.class);

    assertThat(killed).isTrue();
    assertThat(a.held()).isFalse();
    assertThat(b.tryHold()).isTrue();
    assertThat(a.tryHold()).isFalse();
  }

  @Test
  void schemasSharingADatabaseHaveALeaseEach() {
    var a = replica("host:8101", schema);
    var other = replica("host:8201", schema + "_b");

    assertThat(a.tryHold()).isTrue();
    assertThat(other.tryHold()).isTrue();
    assertThat(other.holder()).contains("host:8201");
  }
}
