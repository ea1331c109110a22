package dev.lrcp.storage;

import dev.lrcp.cluster.ClusterLease;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/**
 * Periodic storage work: {@link StorageStats} every 10 s (and a log line whenever records were
 * lost) and maintenance (partitions, rollups, retention), which runs on the cluster lease holder
 * only. An interval of zero disables a job.
 */
@Configuration(proxyBeanMethods = false)
class StorageJobs implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StorageJobs.class);

  private final CallRecordWriter writer;
  private final StorageMaintenance maintenance;
  private final StorageProperties properties;
  private final ApplicationEventPublisher events;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private final ClusterLease lease;
  private final List<ScheduledFuture<?>> jobs = new ArrayList<>();

  StorageJobs(
      CallRecordWriter writer,
      StorageMaintenance maintenance,
      StorageProperties properties,
      ApplicationEventPublisher events,
      TaskScheduler scheduler,
      ObjectProvider<Clock> clock,
      ClusterLease lease) {
    this.lease = lease;
    this.writer = writer;
    this.maintenance = maintenance;
    this.properties = properties;
    this.events = events;
    this.scheduler = scheduler;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** Publishes the counters since the previous report and logs any loss. */
  StorageStats report() {
    long dropped = writer.takeDropped();
    var stats =
        new StorageStats(clock.instant(), writer.queueDepth(), writer.takeWritten(), dropped);
    if (dropped > 0) {
      log.warn(
          "storage: {} call records dropped since last report (queue full or database failing)",
          dropped);
    }
    events.publishEvent(stats);
    return stats;
  }

  void maintain() {
    if (!lease.held()) return;
    maintenance.run(clock.instant());
  }

  @Override
  public void start() {
    schedule(this::report, properties.statsInterval());
    schedule(this::maintain, properties.maintenanceInterval());
  }

  private void schedule(Runnable job, Duration every) {
    if (!every.isZero() && !every.isNegative()) {
      jobs.add(scheduler.scheduleWithFixedDelay(job, every));
    }
  }

  @Override
  public void stop() {
    jobs.forEach(j -> j.cancel(false));
    jobs.clear();
  }

  @Override
  public boolean isRunning() {
    return !jobs.isEmpty();
  }
}
