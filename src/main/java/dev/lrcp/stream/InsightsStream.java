package dev.lrcp.stream;

import dev.lrcp.health.HealthProperties;
import dev.lrcp.health.Scope;
import dev.lrcp.insights.LiveInsights;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream's schedule: the service's health score every second while anyone listens (one
 * computation for all subscribers), a heartbeat every 15 s, and on shutdown every stream ended so
 * the server's graceful shutdown does not wait on connections that never finish.
 */
@Component
class InsightsStream implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InsightsStream.class);

  static final Duration HEALTH_EVERY = Duration.ofSeconds(1);
  static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);

  /** Far above a page per person; each costs a socket, a queue and a parked virtual thread. */
  static final int MAX_SUBSCRIBERS = 5_000;

  private final Broadcaster broadcaster;
  private final LiveInsights insights;
  private final HealthProperties health;
  private final TaskScheduler scheduler;
  private final List<ScheduledFuture<?>> jobs = new ArrayList<>();

  InsightsStream(
      JsonMapper json,
      Clock clock,
      LiveInsights insights,
      HealthProperties health,
      TaskScheduler scheduler) {
    this.broadcaster = new Broadcaster(json, clock, MAX_SUBSCRIBERS);
    this.insights = insights;
    this.health = health;
    this.scheduler = scheduler;
  }

  Broadcaster broadcaster() {
    return broadcaster;
  }

  Optional<Subscriber> subscribe(String lastEventId) {
    return broadcaster.subscribe(lastEventId);
  }

  void publishHealth() {
    if (broadcaster.subscriberCount() > 0) {
      broadcaster.publishState("health", insights.score(health.window(), Scope.SERVICE));
    }
  }

  /** A failing run is logged and the next one runs: an exception would end a fixed-rate job. */
  private Runnable guarded(String name, Runnable job) {
    return () -> {
      try {
        job.run();
      } catch (RuntimeException e) {
        log.warn("insights stream job {} failed: {}", name, e.toString());
      }
    };
  }

  @Override
  public void start() {
    jobs.add(scheduler.scheduleAtFixedRate(guarded("health", this::publishHealth), HEALTH_EVERY));
    jobs.add(
        scheduler.scheduleAtFixedRate(
            guarded("heartbeat", broadcaster::heartbeat), HEARTBEAT_EVERY));
  }

  @Override
  public void stop() {
    jobs.forEach(j -> j.cancel(false));
    jobs.clear();
    broadcaster.closeAll();
  }

  @Override
  public boolean isRunning() {
    return !jobs.isEmpty();
  }
}
