package dev.lrcp.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import dev.lrcp.llm.LlmFailure;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
      var record =
          Records.call(T0.plusMillis(i), i % 2 == 0 ? "/qa" : "/reason", "m-" + i, i, failure);
      if (i % 3 == 0) {
        record = Records.scanned(record, i % 2 == 0);
      }
      if (i % 4 == 0) {
        record =
            record.withQuality(CallRecord.Quality.scored(0.25 + i, i % 8 == 0 ? null : 0.5, true));
      }
      if (i % 6 == 0) {
        record = record.withQuality(CallRecord.Quality.unscored("budget"));
      }
      if (i % 5 == 0) {
        record =
            Records.withSecurity(
                record,
                new CallRecord.Security(
                    0.75, true, "document", Set.of("email", "phone"), true, false));
      }
      if (i % 9 == 0) {
        record = routed(record, i % 2 == 0 ? "ungrounded" : null, i % 4 == 0 ? "ovr-" + i : null);
      }
      records.add(record);
    }
    records.add(blocked());
    return records;
  }

  /** A cascade or override decision with every routing column set (detail is never stored). */
  private static CallRecord routed(CallRecord r, String escalation, String override) {
    var routing =
        new CallRecord.Routing(
            override == null ? "cascade" : "override",
            override == null ? "cascade" : "override",
            List.of("gemini-2.5-flash", "gemini-2.5-pro"),
            "gemini-2.5-pro",
            "gemini-2.5-pro",
            escalation,
            -0.000125,
            override,
            null);
    return new CallRecord(
        r.at(),
        r.promptId(),
        r.traceId(),
        r.labels(),
        r.outcome(),
        r.failure(),
        r.numbers(),
        routing,
        r.quality(),
        r.security(),
        null,
        null);
  }

  /** A call the security policy refused: drill traffic, no model call, no routing kept. */
  private static CallRecord blocked() {
    return new CallRecord(
        T0.plusSeconds(30),
        "blocked-1",
        null,
        new CallRecord.Labels("/stress", "stress", "m", "m", null, "app", "feat", true, null),
        CallRecord.Outcome.BLOCKED,
        null,
        CallRecord.Numbers.NONE,
        new CallRecord.Routing("static", "request"),
        null,
        new CallRecord.Security(0.99, true, "prompt", Set.of(), false, true),
        null,
        null);
  }

  @Test
  void everyFieldSurvivesMultiRowAndSingleRowInserts() throws SQLException {
    DataSource db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    List<CallRecord> written = records(2 * CallRecordStatements.ROWS + 23);

    new CallRecordStatements(db).write(written);

    assertThat(repository.between(T0, T0.plusSeconds(60))).containsExactlyElementsOf(written);
  }

  @Test
  void aFlushThatFailsWritesNothing() {
    DataSource db = database();
    var repository = new CallRecordRepository(new JdbcTemplate(db));
    var records = new ArrayList<>(records(CallRecordStatements.ROWS + 1));
    var tooLong =
        Records.withSecurity(
            records.getLast(),
            new CallRecord.Security(0.1, false, null, Set.of("x".repeat(300)), false, false));
    records.set(records.size() - 1, tooLong);

    assertThatThrownBy(() -> new CallRecordStatements(db).write(records))
        .isInstanceOf(SQLException.class);

    assertThat(repository.count()).isZero();
  }
}
