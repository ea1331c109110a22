package dev.lrcp.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lease as a PostgreSQL session-level advisory lock, held on one pooled connection kept for it.
 * The server frees the lock the moment that session ends (the process stops, crashes or is killed;
 * a vanished host is noticed by TCP keepalives within about 25 s), so nothing expires, nothing is
 * renewed and no clocks have to agree. The key includes the schema: installations and tests that
 * share a database each have their own lease. The session carries the replica's name as its {@code
 * application_name}, which is how every replica can tell who holds the lease.
 */
final class AdvisoryLease implements ClusterLease {

  private static final Logger log = LoggerFactory.getLogger(AdvisoryLease.class);
  private static final int LEASE_CLASS = 0x4C524350; // "LRCP"
  private static final int VALID_TIMEOUT_S = 2;

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final String replica;
  private Integer key; // from the schema, read once it exists (Flyway creates it)
  private Connection session; // non-null while this replica holds the lease

  AdvisoryLease(DataSource dataSource, String replica) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.replica = replica;
  }

  /** Asks the server (one round trip) whether the session holding the lock is still alive. */
  @Override
  public synchronized boolean held() {
    if (session == null) {
      return false;
    }
    try {
      if (session.isValid(VALID_TIMEOUT_S)) {
        return true;
      }
    } catch (SQLException e) {
      // treated as lost below
    }
    log.warn("cluster lease lost by {}: its database session ended", replica);
    close();
    return false;
  }

  @Override
  public synchronized boolean tryHold() {
    if (held()) {
      return true;
    }
    Connection candidate = null;
    try {
      candidate = dataSource.getConnection();
      if (lock(candidate)) {
        session = candidate;
        log.info("cluster lease taken by {}", replica);
        return true;
      }
      unname(candidate);
    } catch (SQLException | DataAccessException | IllegalStateException e) {
      log.debug("cluster lease not taken: {}", e.getMessage());
    }
    closeQuietly(candidate);
    return false;
  }

  private boolean lock(Connection c) throws SQLException {
    try (var name = c.prepareStatement("SELECT set_config('application_name', ?, false)");
        var keepAlive = c.createStatement();
        var lock = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      name.setString(1, replica);
      name.execute();
      keepAlive.execute(
          "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5;"
              + " SET tcp_keepalives_count = 3");
      lock.setInt(1, LEASE_CLASS);
      lock.setInt(2, key());
      try (var rs = lock.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  @Override
  public synchronized void release() {
    if (session == null) {
      return;
    }
    try (var unlock = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
      unlock.setInt(1, LEASE_CLASS);
      unlock.setInt(2, key());
      unlock.execute();
      unname(session);
      log.info("cluster lease released by {}", replica);
    } catch (SQLException e) {
      log.debug("cluster lease release failed (the session ends anyway): {}", e.getMessage());
    }
    close();
  }

  /** Empty while nobody holds the lease, and when the database cannot be asked. */
  @Override
  public Optional<String> holder() {
    try {
      return jdbc
          .queryForList(
              "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                  + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
                  + " AND l.database = (SELECT oid FROM pg_database WHERE datname ="
                  + " current_database()) AND l.classid::bigint = ? AND l.objid::bigint = ?",
              String.class,
              LEASE_CLASS,
              key())
          .stream()
          .findFirst();
    } catch (DataAccessException | IllegalStateException e) {
      log.debug("cluster lease holder unknown: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public String replica() {
    return replica;
  }

  @Override
  public String kind() {
    return "postgresql-advisory-lock";
  }

  /** Non-negative, so it reads the same in {@code pg_locks.objid} (an unsigned oid). */
  private synchronized int key() {
    if (key == null) {
      String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
      if (schema == null) {
        throw new IllegalStateException("no current schema yet");
      }
      key = schema.hashCode() & Integer.MAX_VALUE;
    }
    return key;
  }

  private static void unname(Connection c) throws SQLException {
    try (var reset = c.createStatement()) {
      reset.execute("RESET application_name");
    }
  }

  private void close() {
    closeQuietly(session);
    session = null;
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("closing the lease connection failed: {}", e.getMessage());
      }
    }
  }
}
