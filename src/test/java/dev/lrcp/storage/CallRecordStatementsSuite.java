package dev.lrcp.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.health.Facts;
import dev.lrcp.llm.LlmFailure;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writer's JDBC statements against a real database (H2 and PostgreSQL subclasses): multi-row
 * and single-row inserts store every column as given, and a flush is all or nothing.
 */
abstract class CallRecordStatementsSuite {

  private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

  /** A migrated, empty database. */
  abstract DataSource database();

  /** Two full multi-row statements plus single rows; every optional column both null and set. */
  private static List<CallRecord> records(int n) {
    var records = new ArrayList<CallRecord>();
    for (int i = 0; i < n; i++) {
      var failure = i % 7 == 0 ? LlmFailure.TIMEOUT : null;
      var call = Facts.call(T0.plusMillis(i), i % 2 == 0 ? "/qa" : "/reason", "m-" + i, i, failure);
      var scan = i % 3 == 0 ? Facts.scan(call, i % 2 == 0) : null;
      var record = CallRecord.of(call, scan);
      if (i % 4 == 0) {
        record =
            record.withQuality(new CallRecord.Quality(0.25 + i, i % 8 == 0 ? null : 0.5, true));
      }
      if (i % 5 == 0) {
        record = record.withSecurity(new CallRecord.Security(0.75, false, "email,phone", true));
      }
      records.add(record);
    }
    return records;
  }

  @Test
  void everyColumnSurvivesMultiRowAndSingleRowInserts() throws SQLException {
    DataSource db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    List<CallRecord> written = records(2 * CallRecordStatements.ROWS + 23);

    new CallRecordStatements(db).write(written, List.of());

    assertThat(repository.between(T0, T0.plusSeconds(60))).containsExactlyElementsOf(written);
  }

  @Test
  void lateQualityResultsUpdateTheirCallsInTheSameFlush() throws SQLException {
    DataSource db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    var call = Facts.call(T0, "/qa", "m", 100);
    var statements = new CallRecordStatements(db);
    statements.write(List.of(CallRecord.of(call, null)), List.of());

    statements.write(List.of(), List.of(Facts.score(call, 0.3, true)));

    assertThat(repository.byPromptId(call.promptId()).getFirst().quality())
        .isEqualTo(new CallRecord.Quality(0.3, 0.3, true));
  }

  @Test
  void aFlushThatFailsWritesNothing() {
    DataSource db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    var records = new ArrayList<>(records(CallRecordStatements.ROWS + 1));
    var tooLong =
        records.getLast().withSecurity(new CallRecord.Security(0.1, false, "x".repeat(300), false));
    records.set(records.size() - 1, tooLong);

    assertThatThrownBy(() -> new CallRecordStatements(db).write(records, List.of()))
        .isInstanceOf(SQLException.class);

    assertThat(repository.count()).isZero();
  }
}
