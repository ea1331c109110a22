package dev.lrcp.storage;

import java.time.Instant;

/**
 * Call-record storage counters since the previous report (published every 10 s): the queue depth
 * now, and records written and dropped in the interval.
 */
public record StorageStats(Instant at, int queueDepth, long written, long dropped) {}
