package dev.lrcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import dev.lrcp.testing.Postgres;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tail of {@code call_record} that replicas follow, on PostgreSQL ({@code
 * -Dlrcp.test.postgres.url}) in a fresh schema: every row written by any writer is returned exactly
 * once, also when writers commit out of the order their transactions began in.
 */
class PostgresCallRecordTailTests {

  private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
  private static final Instant FLOOR = T0.minusSeconds(3600);

  private final String schema = "lrcp_tail_" + UUID.randomUUID().toString().substring(0, 8);
  private HikariDataSource pool;
  private CallRecordStatements writer;
  private CallRecordTail tail;

  @BeforeEach
  void migrate() throws Exception {
    pool = new HikariDataSource();
    pool.setJdbcUrl(Postgres.inSchema(schema));
    pool.setMaximumPoolSize(4);
    Flyway.configure()
        .dataSource(pool)
        .schemas(schema)
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
        .load()
        .migrate();
    writer = new CallRecordStatements(pool);
    tail = new CallRecordTail(pool);
  }

  @AfterEach
  void drop() {
    Postgres.dropSchema(schema);
    if (pool != null) {
      pool.close();
    }
  }

  @Test
  void firstReadReturnsEveryRecordSinceTheFloorOldestFirstThenOnlyNewOnes() throws Exception {
    var late = call(2);
    var early = call(1);
    writer.write(List.of(late, early));
    var old = Records.call(FLOOR.minusSeconds(1), "/qa", "m", 100);
    writer.write(List.of(old));

    assertThat(tail.shared()).isTrue();
    assertThat(ids(tail.next(FLOOR))).containsExactly(early.promptId(), late.promptId());
    assertThat(tail.next(FLOOR)).isEmpty();

    var next = call(3);
    writer.write(List.of(next));
    assertThat(ids(tail.next(FLOOR))).containsExactly(next.promptId());
    assertThat(tail.next(FLOOR)).isEmpty();
  }

  @Test
  void aBatchCommittedAfterALaterOneIsStillReturnedOnce() throws Exception {
    tail.next(FLOOR);
    var slow = call(1);
    var fast = call(2);
    try (Connection open = pool.getConnection()) {
      open.setAutoCommit(false);
      insertUncommitted(open, slow); // this transaction began first
      writer.write(List.of(fast));

      assertThat(ids(tail.next(FLOOR))).containsExactly(fast.promptId());
      assertThat(tail.next(FLOOR)).isEmpty();

      open.commit();
    }
    assertThat(ids(tail.next(FLOOR))).containsExactly(slow.promptId());
    assertThat(tail.next(FLOOR)).isEmpty();
  }

  @Test
  void aRecordReadBackKeepsWhatRulesAndAttributionRead() throws Exception {
    var written = Records.scored(Records.scanned(call(1), true), 0.25, true);
    writer.write(List.of(written));

    CallRecord read = tail.next(FLOOR).getFirst();

    assertThat(read.at()).isEqualTo(written.at());
    assertThat(read.labels()).isEqualTo(written.labels());
    assertThat(read.outcome()).isEqualTo(written.outcome());
    assertThat(read.numbers()).isEqualTo(written.numbers());
    assertThat(read.quality()).isEqualTo(written.quality());
    assertThat(read.security()).isEqualTo(written.security());
  }

  private static CallRecord call(int second) {
    return Records.call(T0.plusSeconds(second), "/qa", "gemini-2.5-flash", 100L * second);
  }

  private static void insertUncommitted(Connection c, CallRecord r) throws Exception {
    String values = "(" + "?,".repeat(CallRecordRow.PARAMETERS - 1) + "?)";
    try (var ps =
        c.prepareStatement(
            "INSERT INTO call_record (" + CallRecordStatements.COLUMNS + ") VALUES " + values)) {
      CallRecordRow.bind(ps, List.of(r));
      ps.executeUpdate();
    }
  }

  private static List<String> ids(List<CallRecord> records) {
    return records.stream().map(CallRecord::promptId).toList();
  }
}
