package dev.lrcp.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day partitions of call_record on PostgreSQL (db/vendor/postgresql/V10): {@code
 * call_record_YYYYMMDD} holds the UTC day's calls. Maintenance creates today's and the next {@value
 * #DAYS_AHEAD} days' partitions, and drops a partition whole once its day ended before the
 * retention cutoff, so calls are kept for at least the retention and at most a day longer. Rows in
 * the default partition (days without their own) are deleted one by one. DDL waits at most {@value
 * #LOCK_TIMEOUT} for its lock, so writes never queue behind it; it runs again next time.
 */
final class DayPartitions {

  static final int DAYS_AHEAD = 2;
  private static final String LOCK_TIMEOUT = "2s";
  private static final String PREFIX = "call_record_";
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Logger log = LoggerFactory.getLogger(DayPartitions.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  DayPartitions(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** Whether call_record is partitioned: PostgreSQL, with the vendor migration applied. */
  boolean present() {
    String product =
        jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    return "PostgreSQL".equals(product)
        && Boolean.TRUE.equals(
            jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_partitioned_table"
                    + " WHERE partrelid = to_regclass('call_record'))",
                Boolean.class));
  }

  /** Creates the missing partitions of today and the days ahead; returns how many. */
  int createAhead(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<LocalDate> existing = days();
    int created = 0;
    for (int i = 0; i <= DAYS_AHEAD; i++) {
      if (!existing.contains(today.plusDays(i))) {
        create(today.plusDays(i));
        created++;
      }
    }
    return created;
  }

  /** Drops the partitions of days that ended by the cutoff; returns the default's rows deleted. */
  int dropBefore(Instant cutoff) {
    LocalDate firstKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
    for (LocalDate day : days()) {
      if (day.isBefore(firstKept)) {
        ddl("DROP TABLE " + PREFIX + DAY.format(day));
        log.info("storage retention: dropped the partition of {}", day);
      }
    }
    return jdbc.update("DELETE FROM call_record_default WHERE at_ms < ?", cutoff.toEpochMilli());
  }

  /** The days that have a partition, oldest first. */
  List<LocalDate> days() {
    return jdbc
        .queryForList(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = to_regclass('call_record') ORDER BY c.relname",
            String.class)
        .stream()
        .filter(name -> name.matches(PREFIX + "\\d{8}"))
        .map(name -> LocalDate.parse(name.substring(PREFIX.length()), DAY))
        .toList();
  }

  /** Rows of the day that already sit in the default partition move into the new one. */
  private void create(LocalDate day) {
    String table = PREFIX + DAY.format(day);
    long from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    ddl(
        "CREATE TABLE %s (LIKE call_record INCLUDING DEFAULTS)".formatted(table),
        ("WITH moved AS (DELETE FROM call_record_default WHERE at_ms >= %d AND at_ms < %d"
                + " RETURNING *) INSERT INTO %s SELECT * FROM moved")
            .formatted(from, to, table),
        "ALTER TABLE call_record ATTACH PARTITION %s FOR VALUES FROM (%d) TO (%d)"
            .formatted(table, from, to));
  }

  private void ddl(String... statements) {
    tx.executeWithoutResult(
        status -> {
          jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
          for (String sql : statements) {
            jdbc.execute(sql);
          }
        });
  }
}
