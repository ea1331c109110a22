package dev.lrcp.admission;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * This replica's allowances, one per live quota. A reservation is taken from the local lease (a
 * lock and a subtraction); only when the lease is short does the calling thread take a new one from
 * the {@link Ledger}, one thread per quota at a time. {@link #flush} reports settled spend in one
 * batch per quota, off the request path.
 */
@Component
class Allowances {

  /**
   * How far replicas together may spend beyond a budget: nothing, as long as every call costs at
   * most the worst case it reserved (docs/keys-budgets-cache.md says when that can fail).
   */
  static final double OVERSHOOT_BOUND_USD = 0;

  /** Longest a call waits for calls in flight to hand back unused reservations. */
  static final java.time.Duration SETTLEMENT_WAIT = java.time.Duration.ofSeconds(5);

  /** A lease is a twentieth of the limit (at least what the call needs). */
  static final int LEASE_DIVISOR = 20;

  private static final Logger log = LoggerFactory.getLogger(Allowances.class);

  private final Ledger ledger;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Map<Quota, Allowance> live = new ConcurrentHashMap<>();
  private final Map<Quota, ReentrantLock> leasing = new ConcurrentHashMap<>();

  Allowances(Ledger ledger, ApplicationEventPublisher events, Clock clock) {
    this.ledger = ledger;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Reserves {@code amount} of the quota.
   *
   * @return the allowance to settle with, or null when the quota has no room for it
   * @throws DataAccessException when a lease was needed and the ledger could not be reached
   */
  Allowance reserve(Quota quota, long amount) {
    if (amount > quota.limit()) {
      return null;
    }
    long deadline = System.nanoTime() + SETTLEMENT_WAIT.toNanos();
    while (true) {
      Allowance a = live.computeIfAbsent(quota, Allowance::new);
      if (a.tryReserve(amount)) {
        return a;
      }
      if (a.retired()) {
        continue;
      }
      Boolean leased = lease(a, amount);
      if (leased == null) {
        continue;
      }
      if (!leased && !awaitSettlement(a, deadline)) {
        return null;
      }
    }
  }

  /**
   * Takes a lease big enough for {@code amount}: true when taken, false when the ledger has no
   * room, null when the allowance was retired meanwhile (fetch it again).
   */
  private Boolean lease(Allowance a, long amount) {
    Quota quota = a.quota();
    ReentrantLock lock = leasing.computeIfAbsent(quota, q -> new ReentrantLock());
    lock.lock();
    try {
      if (a.retired()) {
        return null;
      }
      if (a.shortOf(amount) == 0) {
        return true;
      }
      var grant = ledger.take(quota, a.shortOf(amount), Math.max(1, quota.limit() / LEASE_DIVISOR));
      if (grant.granted() == 0) {
        a.noteCommitted(grant.committed());
        return false;
      }
      a.granted(grant.granted(), grant.committed());
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A budget or token quota fully reserved by calls in flight frees their unused part when they
   * settle: wait for that (up to {@link #SETTLEMENT_WAIT}) rather than refuse a call that fits.
   */
  private static boolean awaitSettlement(Allowance a, long deadline) {
    if (a.quota().kind() == Quota.Kind.REQUESTS || !a.reservedInFlight()) {
      return false;
    }
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    try {
      a.awaitSettlement(left);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Retires an idle allowance, never while a thread is taking a lease for it. */
  private void retireIfIdle(Allowance a, long now) {
    ReentrantLock lock = leasing.computeIfAbsent(a.quota(), q -> new ReentrantLock());
    if (!lock.tryLock()) {
      return;
    }
    try {
      if (a.retireIfIdle(now)) {
        live.remove(a.quota(), a);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * What this replica knows is left of a quota (its lease plus the unleased room it last saw); the
   * whole limit for a quota it has not used in this window (it never asks the ledger for headers).
   */
  long remaining(Quota quota) {
    Allowance a = live.get(quota);
    return a == null ? quota.limit() : a.remaining();
  }

  /** Settled spend not yet reported to the ledger. */
  long unreported(Quota quota) {
    Allowance a = live.get(quota);
    return a == null ? 0 : a.unreportedSpent();
  }

  /** Reports every allowance's settled spend and overruns; hands back idle budget leases. */
  void flush() {
    flush(false);
  }

  /** At shutdown: reports, and hands back every budget lease this replica holds. */
  void flushAndRelease() {
    flush(true);
  }

  private void flush(boolean releaseAll) {
    long now = clock.millis();
    for (Allowance a : live.values()) {
      Allowance.Report report = a.drain(releaseAll);
      if (!report.empty()) {
        try {
          var reported = ledger.report(a.quota(), report.spent(), report.committed());
          a.noteCommitted(reported.row().committed());
          if (reported.crossedLevel() > 0) {
            events.publishEvent(BudgetWarning.of(a.quota(), reported, clock.instant()));
          }
        } catch (DataAccessException e) {
          a.restore(report);
          log.warn(
              "admission: spend report for {} failed, retrying: {}",
              a.quota().id(),
              e.getMessage());
        }
      }
      retireIfIdle(a, now);
    }
  }
}
