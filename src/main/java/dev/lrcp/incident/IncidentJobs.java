package dev.lrcp.incident;

import dev.lrcp.cluster.ClusterLease;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Schedules the incident work: rule evaluation with the re-evaluation of applied runbook actions,
 * the open-incident gauge, outbox delivery and retention. An interval of zero disables a job (tests
 * drive them directly). Rules, actions and retention run on the cluster lease holder only; delivery
 * runs everywhere (outbox rows are claimed one replica at a time).
 */
@Component
class IncidentJobs implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IncidentJobs.class);

  private final IncidentEvaluator evaluator;
  private final IncidentActions actions;
  private final IncidentStore store;
  private final IncidentProperties properties;
  private final ApplicationEventPublisher events;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private final List<ScheduledFuture<?>> jobs = new ArrayList<>();
  private final OutboxDispatcher dispatcher;
  private final ClusterLease lease;

  IncidentJobs(
      IncidentEvaluator evaluator,
      IncidentActions actions,
      IncidentStore store,
      IncidentProperties properties,
      OutboxDispatcher dispatcher,
      ApplicationEventPublisher events,
      TaskScheduler scheduler,
      Clock clock,
      ClusterLease lease) {
    this.lease = lease;
    this.evaluator = evaluator;
    this.actions = actions;
    this.dispatcher = dispatcher;
    this.store = store;
    this.properties = properties;
    this.events = events;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  OpenIncidentsCounted count() {
    var counted = new OpenIncidentsCounted(clock.instant(), store.openCounts());
    events.publishEvent(counted);
    return counted;
  }

  /** The other replicas still refresh the open incidents their health statuses are capped by. */
  void evaluate() {
    if (!lease.held()) {
      events.publishEvent(store.unresolved(clock.instant()));
      return;
    }
    evaluator.evaluate();
    actions.verifyDue();
  }

  void deleteResolved() {
    if (!lease.held()) return;
    store.deleteResolvedBefore(clock.instant().minus(properties.retention()));
  }

  @Override
  public void start() {
    schedule("evaluate", this::evaluate, properties.evaluateEvery());
    schedule("count", this::count, properties.countEvery());
    schedule("deliver", dispatcher::dispatch, properties.delivery().every());
    schedule("retention", this::deleteResolved, Duration.ofHours(1));
  }

  /** A failing job logs and runs again next time; it never kills the schedule. */
  private void schedule(String name, Runnable job, Duration every) {
    if (every.isZero() || every.isNegative()) {
      return;
    }
    Runnable guarded =
        () -> {
          try {
            job.run();
          } catch (DataAccessException | IllegalStateException e) {
            log.warn("incident job {} failed, retrying next run: {}", name, e.getMessage());
          }
        };
    jobs.add(scheduler.scheduleWithFixedDelay(guarded, every));
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
