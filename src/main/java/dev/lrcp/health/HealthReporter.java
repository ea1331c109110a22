package dev.lrcp.health;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Recomputes the score of every active scope every 10 s and publishes it (gauges listen). */
@Component
class HealthReporter {

  private final HealthWindows windows;
  private final HealthProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  HealthReporter(
      HealthWindows windows,
      HealthProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    this.windows = windows;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  @Scheduled(fixedRate = 10, timeUnit = TimeUnit.SECONDS)
  void report() {
    for (var scoped : windows.statsOfEveryScope(properties.window()).entrySet()) {
      Scope scope = scoped.getKey();
      HealthScore score = windows.score(scope, scoped.getValue());
      events.publishEvent(
          score == null
              ? new HealthEvaluated(clock.instant(), scope.label(), null, "no_data", null)
              : new HealthEvaluated(
                  clock.instant(),
                  scope.label(),
                  score.score(),
                  score.status(),
                  score.components()));
    }
  }
}
