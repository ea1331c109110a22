package dev.lrcp.cluster;

import java.util.Optional;

/**
 * The lease that makes one replica the one that runs the cluster-wide jobs. A job guards itself
 * with {@code if (!lease.held()) return;} as its first line.
 */
public interface ClusterLease {

  /** Whether this replica holds the lease now. */
  boolean held();

  /** Takes the lease if nobody holds it; returns {@link #held()}. */
  boolean tryHold();

  /** Gives the lease up, so another replica takes it at its next check instead of waiting. */
  void release();

  /** The replica holding the lease, as {@link #replica()} names it; empty while nobody does. */
  Optional<String> holder();

  /** This replica's name: host and main port. */
  String replica();

  /** How the lease is held: {@code postgresql-advisory-lock} or {@code single-process}. */
  String kind();
}
