package dev.lrcp.cache;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The cache's two tiers: memory first, then the database on a memory miss (so a replica reuses what
 * another one stored). New answers go to memory at once and to the database in batches, off the
 * request path; semantic entries other replicas stored are pulled into memory periodically.
 */
@Component
class ResponseCache {

  private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
  private static final int WRITE_QUEUE = 4096;

  private final CacheStore store;
  private final CacheProperties properties;
  private final Clock clock;
  private final MemoryCache memory;
  private final BlockingQueue<CachedAnswer> writes = new ArrayBlockingQueue<>(WRITE_QUEUE);
  private final String replica = UUID.randomUUID().toString();
  private final AtomicLong pulledUpTo = new AtomicLong();
  final AtomicLong hits = new AtomicLong();
  final AtomicLong semanticHits = new AtomicLong();
  final AtomicLong misses = new AtomicLong();
  final AtomicLong savedNanos = new AtomicLong();

  ResponseCache(CacheStore store, CacheProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
    this.memory = new MemoryCache(properties.maxEntries());
    this.pulledUpTo.set(clock.millis());
  }

  CachedAnswer exact(CacheKeys keys) {
    long now = clock.millis();
    CachedAnswer a = memory.exact(keys.id(), now);
    if (a != null) {
      return a;
    }
    try {
      a = store.find(keys.namespace(), keys.exact(), now).orElse(null);
    } catch (DataAccessException e) {
      log.warn("cache: lookup failed, answering from the model: {}", e.getMessage());
      return null;
    }
    if (a != null) {
      memory.put(a);
    }
    return a;
  }

  MemoryCache.Match semantic(CacheKeys keys, float[] vector, double threshold) {
    return memory.semantic(keys, vector, threshold, clock.millis());
  }

  void put(CachedAnswer answer) {
    memory.put(answer);
    if (!writes.offer(answer)) {
      log.debug("cache: write queue full, answer kept in memory only");
    }
  }

  long expiresAt(long createdAtMs) {
    return createdAtMs + properties.ttl().toMillis();
  }

  /** Writes queued answers to the database. */
  void flush() {
    List<CachedAnswer> batch = new ArrayList<>();
    writes.drainTo(batch);
    if (!batch.isEmpty()) {
      try {
        store.insert(batch, replica);
      } catch (DataAccessException e) {
        log.warn("cache: {} answers not stored: {}", batch.size(), e.getMessage());
      }
    }
  }

  /** Takes semantic entries other replicas stored since the last pull into memory. */
  void pull() {
    long now = clock.millis();
    try {
      for (CachedAnswer a : store.embeddedSince(pulledUpTo.get(), replica, now, 1000)) {
        memory.put(a);
        pulledUpTo.accumulateAndGet(a.createdAtMs(), Math::max);
      }
    } catch (DataAccessException e) {
      log.warn("cache: pull failed: {}", e.getMessage());
    }
  }

  void trim() {
    try {
      store.trim(clock.millis(), properties.maxStored());
    } catch (DataAccessException e) {
      log.warn("cache: trim failed: {}", e.getMessage());
    }
  }

  int size() {
    return memory.size();
  }
}
