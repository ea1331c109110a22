package dev.lrcp.health;

import dev.lrcp.storage.CallRecordTail;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * On a shared PostgreSQL, adds every replica's calls to {@link RecentCalls}: once at start, the
 * whole retention from storage (so a replica that just started, or took over the rules, judges the
 * same windows as the others), then every {@link #POLL} what all replicas wrote since. A replica's
 * own calls arrive at once through the event and are not added twice. Another replica's call counts
 * here within its writer's flush interval plus one poll. On H2 (one process) it does nothing. It
 * polls on a thread of its own: while the database is unreachable each read waits for a connection,
 * and the shared job threads must not.
 */
@Component
class ClusterCalls implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ClusterCalls.class);

  static final Duration POLL = Duration.ofSeconds(1);

  private final RecentCalls recent;
  private final CallRecordTail tail;
  private final HealthProperties properties;
  private final Clock clock;
  private ScheduledExecutorService poller;
  private boolean tried;

  ClusterCalls(RecentCalls recent, CallRecordTail tail, HealthProperties properties, Clock clock) {
    this.recent = recent;
    this.tail = tail;
    this.properties = properties;
    this.clock = clock;
  }

  /** Adds what other replicas wrote since the last poll; a failed read is tried at the next one. */
  void poll() {
    var floor = clock.instant().minus(properties.retention());
    boolean first = !tried;
    tried = true;
    try {
      int added = 0;
      for (var call : tail.next(floor)) {
        added += recent.addStored(call) ? 1 : 0;
      }
      if (first) {
        // only a first read finds the window empty, so only it can add the whole retention
        recent.completeFrom(floor);
        log.info("recent calls: {} calls of every replica read from storage", added);
      }
    } catch (DataAccessException e) {
      log.debug("recent calls of other replicas not read, trying again: {}", e.getMessage());
    } catch (RuntimeException e) {
      // the poller must survive any failure: an escaping exception would end its schedule
      log.warn("recent calls of other replicas not read, trying again: {}", e.toString());
    }
  }

  @Override
  public void start() {
    if (!tail.shared()) {
      return;
    }
    recent.holdStoredCalls();
    poll();
    poller =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("lrcp-cluster-calls").factory());
    long every = POLL.toMillis();
    poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (poller != null) {
      poller.shutdown();
      poller = null;
    }
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }

  /** Before the web servers start, so the first request already finds the cluster's windows. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 8192;
  }
}
