package dev.lrcp.storage;

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
}
