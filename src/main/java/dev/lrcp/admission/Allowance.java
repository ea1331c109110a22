package dev.lrcp.admission;

/**
 * This replica's share of one {@link Quota}: a lease taken from the ledger, reserved by calls in
 * flight and settled when they end. {@code available + inFlight} never exceeds what the replica
 * holds, so replicas together never admit past the limit; a call that turns out to cost more than
 * it reserved is an overrun, reported to the ledger at the next flush.
 */
final class Allowance {

  private final Quota quota;
  private long available;
  private long inFlight;
  private long unreportedSpent;
  private long unreportedOverrun;
  private long knownCommitted;
  private boolean usedSinceFlush;
  private boolean retired;

  Allowance(Quota quota) {
    this.quota = quota;
  }

  Quota quota() {
    return quota;
  }

  /** False when not enough is available, or when this allowance was retired (fetch a new one). */
  synchronized boolean tryReserve(long amount) {
    usedSinceFlush = true;
    if (retired || available < amount) {
      return false;
    }
    available -= amount;
    inFlight += amount;
    return true;
  }

  /** How much more than what is available a reservation of {@code amount} needs. */
  synchronized long shortOf(long amount) {
    return Math.max(0, amount - available);
  }

  synchronized void granted(long amount, long committed) {
    available += amount;
    knownCommitted = Math.max(knownCommitted, committed);
  }

  synchronized void noteCommitted(long committed) {
    knownCommitted = Math.max(knownCommitted, committed);
  }

  /** True while calls in flight hold reservations, whose unused part returns when they settle. */
  synchronized boolean reservedInFlight() {
    return inFlight > 0;
  }

  /** Waits until a call settles (or the time is up); returns at once when none is in flight. */
  synchronized void awaitSettlement(long nanos) throws InterruptedException {
    if (inFlight > 0 && nanos > 0) {
      wait(Math.max(1, nanos / 1_000_000));
    }
  }

  /** A call that reserved {@code reserved} is over and used {@code actual}. */
  synchronized void settle(long reserved, long actual) {
    notifyAll();
    inFlight -= reserved;
    if (quota.kind() == Quota.Kind.BUDGET) {
      unreportedSpent += actual; // only spend is reported; a rate window's lease is its count
    }
    available += reserved - actual;
    if (available < 0) {
      unreportedOverrun -= available;
      available = 0;
    }
  }

  /** Hands back a reservation that was never used. */
  synchronized void refund(long reserved) {
    notifyAll();
    inFlight -= reserved;
    available += reserved;
  }

  /** What this replica knows is left: the unleased room at its last lease plus its own lease. */
  synchronized long remaining() {
    return Math.max(0, quota.limit() - knownCommitted + available);
  }

  synchronized long unreportedSpent() {
    return unreportedSpent;
  }

  /**
   * Takes what the next report carries: the settled spend, and the change to the committed amount
   * (overruns add; an idle budget lease is handed back so other replicas can use it).
   */
  synchronized Report drain(boolean releaseAll) {
    long released = 0;
    if ((releaseAll || !usedSinceFlush) && quota.kind() == Quota.Kind.BUDGET) {
      released = available;
      available = 0;
    }
    usedSinceFlush = false;
    var report = new Report(unreportedSpent, unreportedOverrun - released);
    unreportedSpent = 0;
    unreportedOverrun = 0;
    return report;
  }

  /** Puts back a report that could not be delivered. */
  synchronized void restore(Report report) {
    unreportedSpent += report.spent();
    if (report.committed() >= 0) {
      unreportedOverrun += report.committed();
    } else {
      available -= report.committed();
    }
  }

  synchronized boolean retired() {
    return retired;
  }

  /** Retires this allowance when nothing depends on it any more; a retired one is never used. */
  synchronized boolean retireIfIdle(long nowMs) {
    retired =
        inFlight == 0
            && unreportedSpent == 0
            && unreportedOverrun == 0
            && (nowMs >= quota.resetAtMs() || available == 0);
    return retired;
  }

  /** Deltas for the ledger: spend settled, and the change to the committed amount. */
  record Report(long spent, long committed) {
    boolean empty() {
      return spent == 0 && committed == 0;
    }
  }
}
