package dev.lrcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.admission.Replicas;
import dev.lrcp.flow.Records;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * call_record by day on PostgreSQL ({@code -Dlrcp.test.postgres.url}, which scripts/test.sh
 * passes), each test in a fresh schema: calls land in their day's partition, retention drops whole
 * days, and the migration keeps the calls stored before it.
 */
class PostgresDayPartitionsTests {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private final String schema = "lrcp_days_" + UUID.randomUUID().toString().substring(0, 8);
  private HikariDataSource pool;
  private JdbcTemplate jdbc;
  private DayPartitions days;

  @BeforeEach
  void open() {
    String url = Replicas.postgresUrl();
    pool = new HikariDataSource();
    pool.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    pool.setMaximumPoolSize(2);
    jdbc = new JdbcTemplate(pool);
    days = new DayPartitions(jdbc, new TransactionTemplate(new DataSourceTransactionManager(pool)));
  }

  @AfterEach
  void drop() {
    if (pool != null) {
      jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      pool.close();
    }
  }

  /** The migrations; without the PostgreSQL-only ones, the schema as it was before them. */
  private void migrate(boolean partitioned) {
    var locations =
        partitioned
            ? new String[] {"classpath:db/migration", "classpath:db/vendor/postgresql"}
            : new String[] {"classpath:db/migration"};
    Flyway.configure()
        .dataSource(pool)
        .schemas(schema)
        .locations(locations)
        .outOfOrder(true)
        .load()
        .migrate();
  }

  private void write(Instant... at) throws Exception {
    var statements = new CallRecordStatements(pool);
    statements.write(Arrays.stream(at).map(t -> Records.call(t, "/qa", "m", 100)).toList());
  }

  /** Partition name per stored call, oldest first. */
  private List<String> placement() {
    return jdbc.queryForList(
        "SELECT tableoid::regclass::text FROM call_record ORDER BY at_ms", String.class);
  }

  @Test
  void callsForTodayAndTomorrowLandInTheirDayPartitions() throws Exception {
    migrate(true);
    assertThat(days.present()).isTrue();

    assertThat(days.createAhead(NOW)).isEqualTo(DayPartitions.DAYS_AHEAD + 1);
    write(NOW, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));

    assertThat(days.days()).containsExactly(TODAY, TODAY.plusDays(1), TODAY.plusDays(2));
    assertThat(placement())
        .containsExactly("call_record_20261207", "call_record_20261208", "call_record_default");
    assertThat(days.createAhead(NOW)).isZero();
  }

  @Test
  void retentionDropsWholeDayPartitionsAndKeepsTheDaysNotYetOver() throws Exception {
    migrate(true);
    var maintenance =
        new StorageMaintenance(
            jdbc,
            new TransactionTemplate(new DataSourceTransactionManager(pool)),
            properties(Duration.ofDays(7)));
    Instant cutoff = NOW.minus(Duration.ofDays(7));
    maintenance.run(NOW.minus(Duration.ofDays(10))); // partitions of Nov 27 to 29
    maintenance.run(cutoff); // and of Nov 30 to Dec 2
    write(
        NOW.minus(Duration.ofDays(20)), // a day without a partition: the default one
        NOW.minus(Duration.ofDays(10)),
        NOW.minus(Duration.ofDays(8)),
        cutoff.minus(Duration.ofHours(9)), // past the retention, on a day not yet over
        NOW);

    maintenance.run(NOW);

    assertThat(days.days())
        .containsExactly(
            TODAY.minusDays(7),
            TODAY.minusDays(6),
            TODAY.minusDays(5),
            TODAY,
            TODAY.plusDays(1),
            TODAY.plusDays(2));
    assertThat(placement()).containsExactly("call_record_20261130", "call_record_20261207");
    assertThat(
            jdbc.queryForObject(
                "SELECT to_regclass('call_record_20261127') IS NULL", Boolean.class))
        .isTrue();
  }

  @Test
  void theMigrationKeepsEarlierCallsAndTodaysMoveIntoTheirPartition() throws Exception {
    migrate(false);
    jdbc.update(
        "INSERT INTO call_record (prompt_id, at_ms, outcome, latency_ms, ttft_ms, input_tokens,"
            + " output_tokens, thinking_tokens, cost_usd, retry_count, fallback_used)"
            + " VALUES ('old', ?, 'success', 1, 1, 1, 1, 0, 0, 0, false),"
            + " ('today', ?, 'success', 1, 1, 1, 1, 0, 0, 0, false)",
        NOW.minus(Duration.ofDays(3)).toEpochMilli(),
        NOW.toEpochMilli());

    migrate(true);
    assertThat(placement()).containsExactly("call_record_default", "call_record_default");
    days.createAhead(NOW);

    assertThat(placement()).containsExactly("call_record_default", "call_record_20261207");
    assertThat(jdbc.queryForList("SELECT prompt_id FROM call_record ORDER BY at_ms", String.class))
        .containsExactly("old", "today");
    write(NOW);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT id) FROM call_record", Long.class))
        .isEqualTo(3);
  }

  private static StorageProperties properties(Duration retention) {
    return new StorageProperties(
        "./data",
        10_000,
        500,
        Duration.ofMillis(200),
        retention,
        Duration.ofDays(90),
        Duration.ZERO,
        Duration.ZERO);
  }
}
