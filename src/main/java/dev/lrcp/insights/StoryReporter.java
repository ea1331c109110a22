package dev.lrcp.insights;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for anomaly stories every minute and announces each new one once ({@link
 * AnomalyStoryTold}), so they reach Datadog without anyone polling {@code GET /insights}. Stories
 * come from this replica's calls, so each replica announces its own.
 */
@Component
class StoryReporter {

  private final LiveAnomalies anomalies;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Map<String, Instant> told = new ConcurrentHashMap<>();

  StoryReporter(LiveAnomalies anomalies, ApplicationEventPublisher events, Clock clock) {
    this.anomalies = anomalies;
    this.events = events;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
  void report() {
    // a story is listed for LISTED_SECONDS after its bucket: forget it only after that
    Instant forget = clock.instant().minusSeconds(2 * LiveAnomalies.LISTED_SECONDS);
    told.values().removeIf(at -> at.isBefore(forget));
    for (LiveAnomalies.Anomaly a : anomalies.anomalies()) {
      Story s = a.story();
      if (told.putIfAbsent(s.scope() + "|" + s.measure() + "|" + s.at(), s.at()) == null) {
        events.publishEvent(
            new AnomalyStoryTold(
                s.at(),
                s.scope(),
                a.scope().endpoint(),
                a.scope().model(),
                s.measure(),
                s.anomalyScore(),
                s.text()));
      }
    }
  }
}
