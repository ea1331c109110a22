package dev.lrcp.cluster;

import java.time.Instant;

/** Published after every lease check: whether this replica holds the cluster lease. */
public record LeaseChecked(Instant at, boolean held) {}
