package dev.lrcp.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two replicas' allowances on one ledger (the embedded H2 database, as a single-node deployment has
 * it): together they never reserve more than the limit, and each warning level is announced once.
 */
class ReplicaLeasesTests {

  final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
  final List<Object> events = new ArrayList<>();
  Ledger ledger;
  JdbcTemplate jdbc;

  @BeforeEach
  void database() {
    var ds =
        new DriverManagerDataSource(
            "jdbc:h2:mem:leases-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(ds);
    ledger = new Ledger(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
  }

  @AfterEach
  void drop() {
    jdbc.execute("SHUTDOWN");
  }

  Allowances replica() {
    return new Allowances(
        ledger,
        event -> {
          synchronized (events) {
            events.add(event);
          }
        },
        clock);
  }

  @Test
  void replicasTogetherNeverReserveMoreThanTheLimit() throws Exception {
    Quota q = Windows.day(AllowanceTests.KEY, 10_000, clock.instant());
    List<Allowances> replicas = List.of(replica(), replica());
    var reserved = new AtomicLong();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 400; i++) {
        Allowances r = replicas.get(i % 2);
        pool.execute(
            () -> {
              Allowance a = r.reserve(q, 37);
              if (a != null) {
                reserved.addAndGet(37);
              }
            });
      }
    }
    assertThat(reserved.get()).isLessThanOrEqualTo(10_000).isGreaterThan(10_000 - 2 * 500 - 37);
    assertThat(ledger.read(q.scope(), q.ledgerPeriod()).committed()).isLessThanOrEqualTo(10_000);
  }

  @Test
  void eachWarningLevelIsAnnouncedOnceAcrossReplicas() {
    Quota q = Windows.day(AllowanceTests.KEY, 1_000, clock.instant());
    List<Allowances> replicas = List.of(replica(), replica());
    for (int i = 0; i < 96; i++) {
      Allowances r = replicas.get(i % 2);
      Allowance a = r.reserve(q, 10);
      assertThat(a).as("call " + i).isNotNull();
      a.settle(10, 10);
      if (i % 7 == 0) {
        replicas.forEach(Allowances::flush);
      }
    }
    replicas.forEach(Allowances::flush);
    var levels = events.stream().map(e -> ((BudgetWarning) e).level()).sorted().toList();
    assertThat(levels).containsExactly(50, 80, 95);
    var row = ledger.read(q.scope(), q.ledgerPeriod());
    assertThat(row.spent()).isEqualTo(960);
  }

  @Test
  void aCallLargerThanTheLimitIsRefusedWithoutTouchingTheLedger() {
    Quota q = Windows.day(AllowanceTests.KEY, 100, clock.instant());
    assertThat(replica().reserve(q, 101)).isNull();
    assertThat(ledger.read(q.scope(), q.ledgerPeriod()).committed()).isZero();
  }
}
