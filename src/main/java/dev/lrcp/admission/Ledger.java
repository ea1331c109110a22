package dev.lrcp.admission;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared side of budgets and rate limits ({@code quota_ledger}): replicas take leases from a
 * quota's room under a row lock, so together they never take more than the limit, and report what
 * they spent. Called off the request path except when a replica's lease runs out.
 */
@Repository
class Ledger {

  static final int[] WARNING_LEVELS = {50, 80, 95};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  Ledger(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** A quota's shared state. */
  record Row(long committed, long spent, int warned) {}

  /** What a lease request got: {@code granted} (0 = refused) and the quota's committed after it. */
  record Grant(long granted, long committed) {}

  /** What a report changed: the state after it, and a warning level newly crossed (else 0). */
  record Reported(Row row, int crossedLevel) {}

  /** Takes at least {@code need} and at most {@code chunk} of the quota's room, or nothing. */
  Grant take(Quota q, long need, long chunk) {
    ensure(q);
    return tx.execute(
        status -> {
          Row row = lock(q);
          long room = q.limit() - row.committed();
          if (room < need) {
            return new Grant(0, row.committed());
          }
          long grant = Math.min(Math.max(need, chunk), room);
          jdbc.update(
              "UPDATE quota_ledger SET committed = committed + ? WHERE scope = ? AND period = ?",
              grant,
              q.scope(),
              q.ledgerPeriod());
          return new Grant(grant, row.committed() + grant);
        });
  }

  /**
   * Adds settled spend and changes the committed amount (an overrun adds, a returned lease takes
   * away); announces a warning level the spend crossed, once across all replicas.
   */
  Reported report(Quota q, long spentDelta, long committedDelta) {
    ensure(q);
    return tx.execute(
        status -> {
          Row before = lock(q);
          var after =
              new Row(
                  before.committed() + committedDelta,
                  before.spent() + spentDelta,
                  before.warned());
          int level = q.kind() == Quota.Kind.BUDGET ? level(after.spent(), q.limit()) : 0;
          int crossed = level > before.warned() ? level : 0;
          jdbc.update(
              "UPDATE quota_ledger SET committed = ?, spent = ?, warned = ? WHERE scope = ? AND"
                  + " period = ?",
              after.committed(),
              after.spent(),
              Math.max(before.warned(), level),
              q.scope(),
              q.ledgerPeriod());
          return new Reported(after, crossed);
        });
  }

  Row read(String scope, String period) {
    List<Row> rows =
        jdbc.query(
            "SELECT committed, spent, warned FROM quota_ledger WHERE scope = ? AND period = ?",
            (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3)),
            scope,
            period);
    return rows.isEmpty() ? new Row(0, 0, 0) : rows.getFirst();
  }

  int deleteExpired(long nowMs) {
    return jdbc.update("DELETE FROM quota_ledger WHERE expires_at_ms < ?", nowMs);
  }

  static int level(long spent, long limit) {
    int level = 0;
    for (int candidate : WARNING_LEVELS) {
      if (limit > 0 && spent * 100 >= (long) candidate * limit) {
        level = candidate;
      }
    }
    return level;
  }

  private Row lock(Quota q) {
    return jdbc.queryForObject(
        "SELECT committed, spent, warned FROM quota_ledger WHERE scope = ? AND period = ? FOR"
            + " UPDATE",
        (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3)),
        q.scope(),
        q.ledgerPeriod());
  }

  private void ensure(Quota q) {
    if (jdbc.queryForList(
            "SELECT 1 FROM quota_ledger WHERE scope = ? AND period = ?",
            Integer.class,
            q.scope(),
            q.ledgerPeriod())
        .isEmpty()) {
      try {
        jdbc.update(
            "INSERT INTO quota_ledger (scope, period, committed, spent, warned, expires_at_ms)"
                + " VALUES (?, ?, 0, 0, 0, ?)",
            q.scope(),
            q.ledgerPeriod(),
            q.expiresAtMs());
      } catch (DuplicateKeyException raced) {
        // another replica created it first
      }
    }
  }
}
