package dev.lrcp.storage;

import dev.lrcp.flow.CallRecord;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The call records every replica writes, each returned once, for the replicas that share a
 * PostgreSQL database. Each read returns the rows whose writing transaction is not older than the
 * oldest transaction still running at the previous read: transactions commit in any order, so a
 * cursor on ids or times would skip a batch that committed after a later one. The few rows such a
 * read may return again (while an older transaction still runs) are remembered by id and skipped.
 * On any other database {@link #shared()} is false: one process holds all its calls in memory.
 */
@Component
public class CallRecordTail {

  private static final String SELECT =
      "SELECT id, written_xid::text AS xid, "
          + CallRecordStatements.COLUMNS
          + " FROM call_record WHERE at_ms >= ?";
  private static final String XMIN = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text";

  private final JdbcTemplate jdbc;
  private final boolean shared;
  private Long xmin; // null until the first read, which reads by time only
  private Set<Long> mayRepeat = Set.of();

  public CallRecordTail(DataSource dataSource) throws SQLException {
    this.jdbc = new JdbcTemplate(dataSource);
    try (var connection = dataSource.getConnection()) {
      this.shared = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
  }

  /** Whether other replicas may write to the same {@code call_record} (PostgreSQL). */
  public boolean shared() {
    return shared;
  }

  /**
   * The records not returned before, oldest first; the first read returns every record since {@code
   * floor}. Later reads also skip records older than {@code floor}, which only bounds the
   * partitions searched.
   */
  public synchronized List<CallRecord> next(Instant floor) {
    if (!shared) {
      throw new IllegalStateException("call_record is followed on PostgreSQL only");
    }
    long horizon = Long.parseLong(jdbc.queryForObject(XMIN, String.class));
    var rows =
        xmin == null
            ? jdbc.query(SELECT + " ORDER BY at_ms", Row::of, floor.toEpochMilli())
            : jdbc.query(
                SELECT + " AND written_xid >= ?::xid8 ORDER BY at_ms",
                Row::of,
                floor.toEpochMilli(),
                Long.toString(xmin));
    var records = new ArrayList<CallRecord>(rows.size());
    var repeat = new HashSet<Long>();
    for (Row row : rows) {
      if (!mayRepeat.contains(row.id())) {
        records.add(row.record());
      }
      if (row.xid() != null && row.xid() >= horizon) {
        repeat.add(row.id()); // its transaction is not below the horizon: the next read sees it
      }
    }
    xmin = horizon;
    mayRepeat = repeat;
    return records;
  }

  private record Row(long id, Long xid, CallRecord record) {
    static Row of(java.sql.ResultSet rs, int n) throws SQLException {
      String xid = rs.getString("xid");
      return new Row(
          rs.getLong("id"),
          xid == null ? null : Long.parseLong(xid),
          CallRecordRepository.map(rs, n));
    }
  }
}
