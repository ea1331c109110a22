package dev.lrcp.cache;

import dev.lrcp.cluster.ClusterLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The cache's background work on the jobs threads: store new answers every 200 ms, pull semantic
 * entries of other replicas every 2 s (only when a route uses semantic matching), and trim the
 * shared table every minute on the cluster lease holder. Stopping stores what is queued.
 */
@Component
class CacheJobs implements SmartLifecycle {

  private final ResponseCache cache;
  private final CacheProperties properties;
  private final TaskScheduler scheduler;
  private final ClusterLease lease;
  private final List<ScheduledFuture<?>> jobs = new ArrayList<>();

  CacheJobs(
      ResponseCache cache,
      CacheProperties properties,
      TaskScheduler scheduler,
      ClusterLease lease) {
    this.cache = cache;
    this.lease = lease;
    this.properties = properties;
    this.scheduler = scheduler;
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      return;
    }
    jobs.add(scheduler.scheduleWithFixedDelay(cache::flush, Duration.ofMillis(200)));
    jobs.add(scheduler.scheduleWithFixedDelay(this::trim, Duration.ofMinutes(1)));
    if (properties.routes().values().stream().anyMatch(r -> r.semantic())) {
      jobs.add(scheduler.scheduleWithFixedDelay(cache::pull, Duration.ofSeconds(2)));
    }
  }

  void trim() {
    if (!lease.held()) return;
    cache.trim();
  }

  @Override
  public void stop() {
    jobs.forEach(j -> j.cancel(false));
    jobs.clear();
    cache.flush();
  }

  @Override
  public boolean isRunning() {
    return !jobs.isEmpty();
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 8192;
  }
}
