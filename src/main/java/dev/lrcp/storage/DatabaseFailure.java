package dev.lrcp.storage;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/**
 * What a database failure means: the database is unavailable (a pause, after which the same work
 * succeeds) or it refused the statement (our bug or bad data). The call-record writer holds its
 * batch through the first; the API answers 503 for it instead of 500.
 */
public final class DatabaseFailure {

  /** H2's {@code ErrorCode.DATABASE_IS_CLOSED} and {@code DATABASE_IS_READ_ONLY}. */
  static final int H2_CLOSED = 90098;

  static final int H2_READ_ONLY = 90097;

  /**
   * H2's {@code ErrorCode.GENERAL_ERROR_1}: with an I/O failure beneath, its file's write failed.
   */
  static final int H2_GENERAL = 50000;

  private DatabaseFailure() {}

  /**
   * Whether the failure says the database could not be reached, went away or cannot write (SQL
   * state class 08, connection exceptions, PostgreSQL's class 57P: shut down, crashed, still
   * starting, or an embedded database that {@linkplain #closedItself closed itself}), as opposed to
   * a statement it refused.
   */
  public static boolean unreachable(Throwable e) {
    return anyInChain(e, DatabaseFailure::unreachableItself);
  }

  /**
   * Whether H2 failed to write its file (a full disk, a directory made unwritable: error {@value
   * #H2_GENERAL} over an I/O failure, after which it closes the database), closed it for good
   * ({@value #H2_CLOSED}), or opened it read-only because the file cannot be written ({@value
   * #H2_READ_ONLY}). Only connections opened once the file is writable again get a working
   * database.
   */
  public static boolean closedItself(Throwable e) {
    return anyInChain(e, DatabaseFailure::h2ClosedOrReadOnly);
  }

  private static boolean unreachableItself(Throwable t) {
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException) {
      return true;
    }
    String state = t instanceof SQLException sql ? sql.getSQLState() : null;
    return state != null && (state.startsWith("08") || state.startsWith("57P"))
        || h2ClosedOrReadOnly(t);
  }

  private static boolean h2ClosedOrReadOnly(Throwable t) {
    return t instanceof SQLException sql
        && (sql.getErrorCode() == H2_CLOSED
            || sql.getErrorCode() == H2_READ_ONLY
            || sql.getErrorCode() == H2_GENERAL && anyInChain(sql, IOException.class::isInstance));
  }

  /**
   * Tests the failure and its causes, and for each SQL exception its next exceptions too: a batch's
   * failure carries its reason as the next exception rather than as the cause.
   */
  private static boolean anyInChain(Throwable e, Predicate<Throwable> test) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Throwable s = t;
          s != null;
          s = s instanceof SQLException sql ? sql.getNextException() : null) {
        if (test.test(s)) {
          return true;
        }
      }
    }
    return false;
  }
}
