package dev.lrcp.admission;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Admission's background work on the jobs threads: every sync interval, reload keys and limits and
 * report settled spend; every ten minutes, delete ledger rows of long-past windows. Stopping
 * reports what is left.
 */
@Component
class AdmissionJobs implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AdmissionJobs.class);
  private static final Duration CLEANUP = Duration.ofMinutes(10);

  private final KeyDirectory directory;
  private final Allowances allowances;
  private final Ledger ledger;
  private final AdmissionProperties properties;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private final List<ScheduledFuture<?>> jobs = new ArrayList<>();

  AdmissionJobs(
      KeyDirectory directory,
      Allowances allowances,
      Ledger ledger,
      AdmissionProperties properties,
      TaskScheduler scheduler,
      Clock clock) {
    this.directory = directory;
    this.allowances = allowances;
    this.ledger = ledger;
    this.properties = properties;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  void sync() {
    directory.reload();
    allowances.flush();
  }

  @Override
  public void start() {
    directory.reload();
    jobs.add(scheduler.scheduleWithFixedDelay(this::sync, properties.syncInterval()));
    jobs.add(scheduler.scheduleWithFixedDelay(this::cleanup, CLEANUP));
  }

  private void cleanup() {
    try {
      ledger.deleteExpired(clock.millis());
    } catch (DataAccessException e) {
      log.warn("admission: ledger cleanup failed, retrying later: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    jobs.forEach(j -> j.cancel(false));
    jobs.clear();
    allowances.flushAndRelease();
  }

  @Override
  public boolean isRunning() {
    return !jobs.isEmpty();
  }

  /** Stops before the datasource goes away, after the web servers. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 8192;
  }
}
