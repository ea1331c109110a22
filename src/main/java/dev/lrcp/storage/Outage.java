package dev.lrcp.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * The writer's view of a database it cannot reach: when the held batch is tried again. The pause
 * doubles from {@link #FIRST_PAUSE_NANOS} up to {@link #LONGEST_PAUSE_NANOS}, so a database that is
 * down is not hammered and one that is back is used again within seconds. Used by the writer thread
 * only.
 */
final class Outage {

  static final long FIRST_PAUSE_NANOS = 500_000_000L;
  static final long LONGEST_PAUSE_NANOS = 5_000_000_000L;

  private boolean active;
  private long pauseNanos;
  private long retryAtNanos;

  /** Records a failed attempt; returns whether it is the first of this outage. */
  boolean begin(long nowNanos) {
    boolean first = !active;
    pauseNanos = first ? FIRST_PAUSE_NANOS : Math.min(LONGEST_PAUSE_NANOS, pauseNanos * 2);
    retryAtNanos = nowNanos + pauseNanos;
    active = true;
    return first;
  }

  void end() {
    active = false;
  }

  boolean active() {
    return active;
  }

  boolean retryDue(long nowNanos) {
    return nowNanos - retryAtNanos >= 0;
  }

  /**
   * Whether the failure says the database could not be reached or went away (SQL state class 08,
   * connection exceptions, or PostgreSQL's class 57P: shut down, crashed, still starting), as
   * opposed to a statement it refused.
   */
  static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }
}
