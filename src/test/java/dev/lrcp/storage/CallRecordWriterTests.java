package dev.lrcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.health.Facts;
import dev.lrcp.llm.LlmCallCompleted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
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

  /** A fresh migrated in-memory database, its statements logged. */
  private static StatementLog database() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    var log = new StatementLog(new SimpleDriverDataSource(new org.h2.Driver(), url));
    Flyway.configure().dataSource(log).locations("classpath:db/migration").load().migrate();
    log.prepared.clear();
    return log;
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() {
    var writer = new CallRecordWriter(repositoryWithoutSchema(), capacity(2));

    for (int i = 0; i < 5; i++) {
      writer.enqueue(CallRecord.of(Facts.call(T, "/qa", "m", 100), null));
    }

    assertThat(writer.queueDepth()).isEqualTo(2);
    assertThat(writer.takeDropped()).isEqualTo(3);
    assertThat(writer.takeDropped()).as("counted once per report").isZero();
  }

  @Test
  void aFailingDatabaseLosesTheBatchCountedNotThrown() {
    var writer = new CallRecordWriter(repositoryWithoutSchema(), capacity(10));
    writer.enqueue(CallRecord.of(Facts.call(T, "/qa", "m", 100), null));
    writer.enqueue(CallRecord.of(Facts.call(T, "/qa", "m", 100), null));

    writer.flush();

    assertThat(writer.takeDropped()).isEqualTo(2);
    assertThat(writer.takeWritten()).isZero();
    assertThat(writer.queueDepth()).isZero();
  }

  @Test
  void aQualityResultArrivingBeforeTheFlushIsInsertedWithItsCallWithoutAnUpdate() {
    var db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    var writer = new CallRecordWriter(repository, capacity(10));
    var call = Facts.call(T, "/qa", "m", 100);

    writer.enqueue(CallRecord.of(call, null));
    writer.enqueue(Facts.score(call, 0.42, true));
    writer.flush();

    var stored = repository.byPromptId(call.promptId());
    assertThat(stored).singleElement().extracting(CallRecord::groundingScore).isEqualTo(0.42);
    assertThat(stored.getFirst().quality().ungrounded()).isTrue();
    assertThat(db.updates()).isZero();
    assertThat(writer.takeWritten()).isEqualTo(1);
  }

  @Test
  void theWriterThreadJoinsAScanToTheCallPublishedAfterIt() {
    var db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    var writer = new CallRecordWriter(repository, capacity(10));
    var call = Facts.call(T, "/qa", "m", 100);
    var other = Facts.call(T, "/qa", "m", 100);

    writer.on(Facts.scan(call, true));
    writer.on(call);
    writer.on(other);
    writer.flush();

    assertThat(repository.byPromptId(call.promptId()).getFirst().injectionFlagged()).isTrue();
    assertThat(repository.byPromptId(other.promptId()).getFirst().security()).isNull();
  }

  @Test
  void aQualityResultForACallAlreadyWrittenIsAppliedByAnUpdate() {
    var db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    var writer = new CallRecordWriter(repository, capacity(10));
    var call = Facts.call(T, "/qa", "m", 100);
    writer.enqueue(CallRecord.of(call, null));
    writer.flush();

    writer.enqueue(Facts.score(call, 0.9, false));
    writer.flush();

    assertThat(repository.byPromptId(call.promptId()))
        .singleElement()
        .extracting(CallRecord::groundingScore)
        .isEqualTo(0.9);
    assertThat(db.updates()).isEqualTo(1);
  }

  @Test
  void theWriterHoldsRecordsUntilABatchIsFullSoLaterQualityResultsJoinThem() {
    var db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    started = new CallRecordWriter(repository, properties(100, 4, Duration.ofMinutes(10)));
    started.start();
    var scored = new ArrayList<LlmCallCompleted>();
    for (int i = 0; i < 3; i++) {
      var call = Facts.call(T.plusSeconds(i), "/qa", "m", 100);
      scored.add(call);
      started.enqueue(CallRecord.of(call, null));
      started.enqueue(Facts.score(call, 0.5, false));
    }

    started.enqueue(CallRecord.of(Facts.call(T.plusSeconds(9), "/qa", "m", 100), null));

    await(() -> repository.count() == 4);
    assertThat(scored)
        .allSatisfy(
            call ->
                assertThat(repository.byPromptId(call.promptId()).getFirst().groundingScore())
                    .isEqualTo(0.5));
    assertThat(db.updates()).isZero();
  }

  @Test
  void aPartialBatchIsWrittenOnceTheFlushIntervalHasPassed() {
    var db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    started = new CallRecordWriter(repository, properties(100, 500, Duration.ofMillis(20)));
    started.start();

    started.enqueue(CallRecord.of(Facts.call(T, "/qa", "m", 100), null));

    await(() -> repository.count() == 1);
    assertThat(started.queueDepth()).isZero();
  }

  @Test
  void stoppingWritesWhatTheWriterStillHolds() {
    var db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    var writer = new CallRecordWriter(repository, properties(100, 500, Duration.ofMinutes(10)));
    writer.start();
    writer.enqueue(CallRecord.of(Facts.call(T, "/qa", "m", 100), null));
    await(() -> writer.queueDepth() == 1 && repository.count() == 0);

    writer.stop();

    assertThat(repository.count()).isEqualTo(1);
    assertThat(writer.takeWritten()).isEqualTo(1);
  }

  private static void await(BooleanSupplier done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met before the deadline").isBefore(deadline);
      Thread.onSpinWait();
    }
  }
}
