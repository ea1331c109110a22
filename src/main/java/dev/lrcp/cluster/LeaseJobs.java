package dev.lrcp.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Checks the lease every {@link #CHECK_EVERY} (takes it when free) and publishes {@link
 * LeaseChecked}. The check interval bounds the hand-over: a replica whose holder's session ended
 * takes the lease at its next check. Starts before the guarded jobs and stops after them, releasing
 * the lease so a successor does not wait for the session to time out.
 */
@Component
class LeaseJobs implements SmartLifecycle {

  static final Duration CHECK_EVERY = Duration.ofSeconds(2);

  private final ClusterLease lease;
  private final ApplicationEventPublisher events;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private ScheduledFuture<?> job;

  LeaseJobs(
      ClusterLease lease, ApplicationEventPublisher events, TaskScheduler scheduler, Clock clock) {
    this.lease = lease;
    this.events = events;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  void check() {
    events.publishEvent(new LeaseChecked(clock.instant(), lease.tryHold()));
  }

  @Override
  public void start() {
    check();
    var next = scheduler.getClock().instant().plus(CHECK_EVERY);
    job = scheduler.scheduleWithFixedDelay(this::check, next, CHECK_EVERY);
  }

  @Override
  public void stop() {
    if (job != null) {
      job.cancel(false);
      job = null;
    }
    lease.release();
  }

  @Override
  public boolean isRunning() {
    return job != null;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 16384;
  }
}
