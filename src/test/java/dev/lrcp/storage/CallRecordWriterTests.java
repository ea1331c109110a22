package dev.lrcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.flow.Records;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class CallRecordWriterTests {

  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

  private CallRecordWriter started;

  @AfterEach
  void stopWriter() {
    if (started != null) {
      started.stop();
    }
  }

  private static StorageProperties capacity(int n) {
    return properties(n, 100, Duration.ofMillis(50));
  }

  private static StorageProperties properties(int capacity, int batch, Duration flushInterval) {
    return new StorageProperties(
        "./data",
        capacity,
        batch,
        flushInterval,
        Duration.ofDays(7),
        Duration.ofDays(90),
        Duration.ZERO,
        Duration.ZERO);
  }

  private static CallRecordRepository repositoryWithoutSchema() {
    var ds = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:noschema");
    return new CallRecordRepository(new JdbcTemplate(ds));
  }

  /** A fresh migrated in-memory database. */
  private static DataSource database() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    var db = new SimpleDriverDataSource(new org.h2.Driver(), url);
    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    return db;
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() {
    var writer = new CallRecordWriter(repositoryWithoutSchema(), capacity(2));

    for (int i = 0; i < 5; i++) {
      writer.on(Records.call(T, "/qa", "m", 100));
    }

    assertThat(writer.queueDepth()).isEqualTo(2);
    assertThat(writer.takeDropped()).isEqualTo(3);
    assertThat(writer.takeDropped()).as("counted once per report").isZero();
  }

  @Test
  void aFailingDatabaseLosesTheBatchCountedNotThrown() {
    var writer = new CallRecordWriter(repositoryWithoutSchema(), capacity(10));
    writer.on(Records.call(T, "/qa", "m", 100));
    writer.on(Records.call(T, "/qa", "m", 100));

    writer.flush();

    assertThat(writer.takeDropped()).isEqualTo(2);
    assertThat(writer.takeWritten()).isZero();
    assertThat(writer.queueDepth()).isZero();
  }

  @Test
  void theWriterHoldsRecordsUntilABatchIsFull() {
    var db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    started = new CallRecordWriter(repository, properties(100, 4, Duration.ofMinutes(10)));
    started.start();
    for (int i = 0; i < 3; i++) {
      started.on(Records.call(T.plusSeconds(i), "/qa", "m", 100));
    }
    await(() -> started.queueDepth() == 3);
    assertThat(repository.count()).isZero();

    started.on(Records.call(T.plusSeconds(9), "/qa", "m", 100));

    await(() -> repository.count() == 4);
    assertThat(started.queueDepth()).isZero();
  }

  @Test
  void aPartialBatchIsWrittenOnceTheFlushIntervalHasPassed() {
    var db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    started = new CallRecordWriter(repository, properties(100, 500, Duration.ofMillis(20)));
    started.start();

    started.on(Records.call(T, "/qa", "m", 100));

    await(() -> repository.count() == 1);
    assertThat(started.queueDepth()).isZero();
  }

  @Test
  void stoppingWritesWhatTheWriterStillHolds() {
    var db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    var writer = new CallRecordWriter(repository, properties(100, 500, Duration.ofMinutes(10)));
    writer.start();
    writer.on(Records.call(T, "/qa", "m", 100));
    await(() -> writer.queueDepth() == 1 && repository.count() == 0);

    writer.stop();

    assertThat(repository.count()).isEqualTo(1);
    assertThat(writer.takeWritten()).isEqualTo(1);
  }

  @Test
  void anUnreachableDatabaseHoldsRecordsAndWritesThemOnceItIsBack() {
    var db = new SwitchableDataSource(database());
    var repository = new CallRecordRepository(new JdbcTemplate(db.target));
    started = new CallRecordWriter(new CallRecordRepository(new JdbcTemplate(db)), batches(10));
    db.down = true;
    started.start();
    for (int i = 0; i < 5; i++) {
      started.on(Records.call(T.plusSeconds(i), "/qa", "m", 100));
    }
    await(() -> db.refused.get() >= 2); // tried, then tried again after the pause

    assertThat(repository.count()).isZero();
    assertThat(started.queueDepth()).isEqualTo(5);
    assertThat(started.takeDropped()).isZero();

    db.down = false;

    await(() -> repository.count() == 5);
    assertThat(started.takeDropped()).isZero();
    assertThat(started.takeWritten()).isEqualTo(5);
  }

  @Test
  void anEmbeddedDatabaseThatFailedToWriteItsFileIsOpenedAgainAndGetsTheHeldRecords(
      @TempDir Path dir) {
    var config = new HikariConfig();
    config.setJdbcUrl(UnwritableFiles.url(dir.resolve("lrcp").toString()));
    config.setUsername("sa");
    try (var pool = new HikariDataSource(config)) {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
      var repository = new CallRecordRepository(new JdbcTemplate(pool));
      started = new CallRecordWriter(repository, batches(10));
      started.start();
      started.on(Records.call(T, "/qa", "m", 100));
      await(() -> repository.count() == 1);

      UnwritableFiles.failing = true;
      for (int i = 1; i < 5; i++) {
        started.on(Records.call(T.plusSeconds(i), "/qa", "m", 100));
      }
      await(() -> fails(repository::count)); // H2 failed to write its file and closed itself
      await(() -> !fails(repository::count)); // a new connection opened it read-only
      assertThat(started.takeDropped()).as("held, not lost").isZero();

      UnwritableFiles.failing = false;

      await(() -> !fails(repository::count) && repository.count() == 5);
      assertThat(started.takeDropped()).isZero();
    } finally {
      UnwritableFiles.failing = false;
    }
  }

  @Test
  void recordsAnEmbeddedDatabaseLostWhenItClosedItselfAreWrittenAgain() {
    var db = new SwitchableDataSource(database());
    var table = new JdbcTemplate(db.target);
    var repository = new CallRecordRepository(table);
    started = new CallRecordWriter(new CallRecordRepository(new JdbcTemplate(db)), batches(10));
    started.start();
    for (int i = 0; i < 5; i++) {
      started.on(Records.call(T.plusSeconds(i), "/qa", "m", 100));
    }
    await(() -> repository.count() == 5);
    // H2 accepted them, then failed to write its file: it closed itself, losing what it had not
    // written yet (the last three here)
    table.update("DELETE FROM call_record WHERE at_ms >= ?", T.plusSeconds(2).toEpochMilli());
    db.failure =
        new SQLNonTransientConnectionException("closed", "90098", DatabaseFailure.H2_CLOSED);
    db.down = true;
    started.on(Records.call(T.plusSeconds(5), "/qa", "m", 100));
    await(() -> db.refused.get() >= 1);

    db.down = false;

    await(() -> repository.count() == 6);
    assertThat(started.takeDropped()).isZero();
    assertThat(started.takeWritten()).as("each record counted once").isEqualTo(6);
  }

  private static boolean fails(Runnable action) {
    try {
      action.run();
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  @Test
  void anOutageLongerThanTheQueueDropsOnlyWhatDoesNotFitAndCountsIt() {
    var db = new SwitchableDataSource(database());
    var repository = new CallRecordRepository(new JdbcTemplate(db.target));
    var writer = new CallRecordWriter(new CallRecordRepository(new JdbcTemplate(db)), batches(4));
    started = writer;
    db.down = true;
    writer.start();
    writer.on(Records.call(T, "/qa", "m", 100));
    await(() -> db.refused.get() >= 1 && writer.queueDepth() == 1);
    for (int i = 1; i < 10; i++) {
      writer.on(Records.call(T.plusSeconds(i), "/qa", "m", 100));
    }

    db.down = false;

    await(() -> repository.count() == 5);
    assertThat(writer.takeDropped()).as("sent 10, held 1 + queued 4").isEqualTo(5);
    assertThat(writer.takeWritten()).isEqualTo(5);
  }

  @Test
  void stoppingDuringAnOutageCountsWhatIsHeldAsDropped() {
    var db = new SwitchableDataSource(database());
    var writer = new CallRecordWriter(new CallRecordRepository(new JdbcTemplate(db)), batches(10));
    db.down = true;
    writer.start();
    writer.on(Records.call(T, "/qa", "m", 100));
    writer.on(Records.call(T, "/qa", "m", 100));
    await(() -> db.refused.get() >= 1);

    writer.stop();

    assertThat(writer.takeDropped()).isEqualTo(2);
    assertThat(writer.queueDepth()).isZero();
  }

  @Test
  void onlyALostConnectionCountsAsAnOutage() {
    assertThat(DatabaseFailure.unreachable(new SQLException("I/O error", "08006"))).isTrue();
    assertThat(DatabaseFailure.unreachable(new SQLException("admin shutdown", "57P01"))).isTrue();
    assertThat(
            DatabaseFailure.unreachable(
                new RuntimeException(new SQLTransientConnectionException())))
        .isTrue();
    var batch = new BatchUpdateException("batch failed", new int[0]);
    batch.setNextException(new SQLNonTransientConnectionException("closed", "90098", 90098));
    assertThat(DatabaseFailure.unreachable(batch)).as("the reason as the next exception").isTrue();
    var readOnly =
        new SQLException("The database is read only", "90097", DatabaseFailure.H2_READ_ONLY);
    assertThat(DatabaseFailure.unreachable(readOnly)).isTrue();
    assertThat(DatabaseFailure.closedItself(readOnly)).isTrue();
    assertThat(DatabaseFailure.closedItself(new SQLException("I/O error", "08006"))).isFalse();
    var fileWriteFailed =
        new SQLException(
            "Writing to lrcp.mv.db failed",
            "HY000",
            DatabaseFailure.H2_GENERAL,
            new IllegalStateException(new java.io.IOException("Operation not permitted")));
    assertThat(DatabaseFailure.closedItself(fileWriteFailed)).as("H2 closes after it").isTrue();
    assertThat(DatabaseFailure.unreachable(new SQLException("bug", "HY000", 50000))).isFalse();
    assertThat(DatabaseFailure.unreachable(new SQLException("no such table", "42S02"))).isFalse();
    assertThat(DatabaseFailure.unreachable(new SQLException("disk full"))).isFalse();
  }

  /** Capacity {@code n}, batches of one, written at once: every record is its own write. */
  private static StorageProperties batches(int capacity) {
    return properties(capacity, 1, Duration.ofMillis(1));
  }

  /** A data source that refuses connections, as a stopped PostgreSQL does, while {@code down}. */
  private static final class SwitchableDataSource extends DelegatingDataSource {
    final DataSource target;
    final AtomicInteger refused = new AtomicInteger();
    volatile boolean down;
    volatile SQLException failure =
        new SQLTransientConnectionException("Connection refused", "08001");

    SwitchableDataSource(DataSource target) {
      super(target);
      this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (down) {
        refused.incrementAndGet();
        throw failure;
      }
      return super.getConnection();
    }
  }

  private static void await(BooleanSupplier done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met before the deadline").isBefore(deadline);
      Thread.onSpinWait();
    }
  }
}
