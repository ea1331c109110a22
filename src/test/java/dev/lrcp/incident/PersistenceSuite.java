package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.storage.CallRecordRepository;
import dev.lrcp.storage.CallRecordWriter;
import dev.lrcp.storage.HourlyTotals;
import dev.lrcp.storage.StorageMaintenance;
import dev.lrcp.storage.StorageProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storage and incident persistence against a real database, run on an H2 file and on PostgreSQL:
 * what is written survives closing and reopening the database, and two evaluators (two replicas)
 * sharing one database never open the same incident twice.
 */
abstract class PersistenceSuite {

  static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
  static final Binder BINDER = new Binder(new MapConfigurationPropertySource(Map.of()));
  static final IncidentProperties INCIDENTS =
      BINDER.bindOrCreate("lrcp.incidents", IncidentProperties.class);
  static final StorageProperties STORAGE =
      BINDER.bindOrCreate("lrcp.storage", StorageProperties.class);
  static final DatadogAccount ACCOUNT = BINDER.bindOrCreate("dd", DatadogAccount.class);
  static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  /** A new connection pool to the same database each time; schema migrated by Flyway. */
  abstract HikariDataSource open();

  static HikariDataSource pool(String url, String schema) {
    var ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setMaximumPoolSize(4);
    var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (schema != null) {
      flyway.schemas(schema);
    }
    flyway.load().migrate();
    return ds;
  }

  static IncidentStore store(HikariDataSource ds) {
    return new IncidentStore(
        new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)), JSON);
  }

  @Test
  void callRecordsAndIncidentsSurviveReopeningTheDatabase() {
    var call = Records.call(T0, "/reason", "gemini-2.5-pro", 4200);
    String incidentId;
    try (var ds = open()) {
      var writer = new CallRecordWriter(new CallRecordRepository(new JdbcTemplate(ds)), STORAGE);
      writer.on(call);
      writer.flush();
      var evaluator = evaluator(ds, spike(T0));
      evaluator.evaluate(T0.plus(Duration.ofMinutes(12)));
      incidentId = store(ds).active().getFirst().id();
    }

    try (var ds = open()) {
      var stored = new CallRecordRepository(new JdbcTemplate(ds)).byPromptId(call.promptId());
      assertThat(stored)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.numbers().latencyMs()).isEqualTo(4200);
                assertThat(r.at()).isEqualTo(T0);
              });
      var incident = store(ds).find(incidentId).orElseThrow();
      assertThat(incident.rule()).isEqualTo("latency_slo");
      assertThat(incident.attribution().top()).isPresent();
      assertThat(incident.runbook()).isNotEmpty();
      assertThat(incident.timeline())
          .extracting(Incident.TimelineEntry::kind)
          .containsExactly("opened", "attribution");
      // a restarted replica keeps the incident instead of opening a second one
      evaluator(ds, spike(T0)).evaluate(T0.plus(Duration.ofMinutes(12)).plusSeconds(5));
      assertThat(store(ds).active())
          .extracting(IncidentStore.Active::id)
          .containsExactly(incidentId);
    }
  }

  @Test
  void twoReplicasEvaluatingAtOnceOpenOneIncident() throws Exception {
    try (var first = open();
        var second = open()) {
      var calls = spike(T0);
      var a = evaluator(first, calls);
      var b = evaluator(second, calls);
      var barrier = new CyclicBarrier(2);
      int rounds = 8;
      for (int round = 0; round < rounds; round++) {
        Instant at = T0.plus(Duration.ofMinutes(12)).plusMillis(round);
        var x = CompletableFuture.runAsync(() -> await(barrier, () -> a.evaluate(at)));
        var y = CompletableFuture.runAsync(() -> await(barrier, () -> b.evaluate(at)));
        CompletableFuture.allOf(x, y).get();
        var active = store(first).active();
        assertThat(active).as("round %d", round).hasSize(1);
        store(first).resolve(active.getFirst().id(), at, "next round");
      }
      Long total =
          new JdbcTemplate(first)
              .queryForObject(
                  "SELECT COUNT(*) FROM incident WHERE rule = 'latency_slo'", Long.class);
      assertThat(total).isEqualTo(rounds);
    }
  }

  @Test
  void rollupsSumTheHourAndRetentionDeletesOldRecords() {
    try (var ds = open()) {
      var repository = new CallRecordRepository(new JdbcTemplate(ds));
      var writer = new CallRecordWriter(repository, STORAGE);
      Instant now = T0.plus(Duration.ofDays(30));
      writer.on(Records.call(now.minus(Duration.ofDays(8)), "/qa", "m", 100));
      for (int i = 0; i < 3; i++) {
        writer.on(Records.call(now.minusSeconds(60 + i), "/qa", "m", 100));
      }
      writer.flush();
      var maintenance =
          new StorageMaintenance(
              new JdbcTemplate(ds),
              new TransactionTemplate(new DataSourceTransactionManager(ds)),
              STORAGE);

      maintenance.run(now);

      assertThat(repository.between(now.minus(Duration.ofDays(9)), now)).hasSize(3);
      assertThat(maintenance.rollupsSince(now.minus(Duration.ofHours(2))))
          .filteredOn(r -> r.endpoint().equals("/qa"))
          .extracting(StorageMaintenance.Rollup::requests)
          .containsOnly(3L)
          .hasSize(1);
    }
  }

  @Test
  void rollupsKeepApplicationAndKeyAndHourlyTotalsAddTheFreshHours() {
    try (var ds = open()) {
      var jdbc = new JdbcTemplate(ds);
      var writer = new CallRecordWriter(new CallRecordRepository(jdbc), STORAGE);
      var maintenance =
          new StorageMaintenance(
              jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)), STORAGE);
      Instant now = T0.plus(Duration.ofDays(40)).plus(Duration.ofMinutes(30));
      Instant early = now.minus(Duration.ofHours(5));
      for (int i = 0; i < 2; i++) {
        writer.on(Records.owned(Records.call(early.plusSeconds(i), "/qa", "m", 100), "shop", "k1"));
      }
      writer.on(Records.call(early.plusSeconds(5), "/qa", "m", 100));
      writer.flush();
      maintenance.run(early.plus(Duration.ofMinutes(10)));
      writer.on(
          Records.owned(
              Records.call(now.minus(Duration.ofMinutes(45)), "/qa", "m", 100), "shop", "k1"));
      writer.flush();
      var totals = new HourlyTotals(jdbc);
      Instant from = now.minus(Duration.ofHours(6));

      var key = totals.between(new HourlyTotals.Slice(null, null, null, "k1"), from, now);
      var service = totals.between(HourlyTotals.Slice.SERVICE, from, now);
      var app = totals.between(new HourlyTotals.Slice("/qa", "m", "shop", null), from, now);

      assertThat(key).extracting(HourlyTotals.Hour::requests).containsExactly(2L, 1L);
      assertThat(service).extracting(HourlyTotals.Hour::requests).containsExactly(3L, 1L);
      assertThat(app).extracting(HourlyTotals.Hour::requests).containsExactly(2L, 1L);
      assertThat(service.getFirst().costUsd()).isCloseTo(3 * 0.0004, within(1e-12));
      assertThat(service.getFirst().tokens()).isEqualTo(3 * 500);
      assertThat(maintenance.rollupsSince(from))
          .extracting(r -> r.application() + "|" + r.key() + "|" + r.requests())
          .containsExactlyInAnyOrder("||1", "shop|k1|2");
    }
  }

  private static IncidentEvaluator evaluator(HikariDataSource ds, List<CallRecord> calls) {
    CallSource source =
        (from, to) ->
            calls.stream().filter(c -> !c.at().isBefore(from) && c.at().isBefore(to)).toList();
    return new IncidentEvaluator(
        source,
        store(ds),
        INCIDENTS,
        ACCOUNT,
        ModelCatalog.load(),
        event -> {},
        java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
  }

  /** Ten normal minutes, then two minutes where gemini-2.5-pro is slow. */
  static List<CallRecord> spike(Instant start) {
    var calls = new ArrayList<CallRecord>();
    for (int s = 0; s < 12 * 60; s += 3) {
      boolean slow = s >= 10 * 60;
      Instant at = start.plusSeconds(s);
      calls.add(Records.call(at, "/reason", "gemini-2.5-pro", slow ? 5000 : 1000));
      calls.add(Records.call(at, "/qa", "gemini-2.5-flash", 500));
    }
    return calls;
  }

  private static void await(CyclicBarrier barrier, Runnable then) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    then.run();
  }
}
