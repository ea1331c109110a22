package dev.lrcp.insights;

import dev.lrcp.cluster.ClusterLease;
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
 * AnomalyStoryTold}), so they reach Datadog without anyone polling {@code GET /insights}. Every
 * replica finds the same stories (on PostgreSQL each holds every replica's calls), so only the
 * cluster lease holder announces them; a new holder may announce again a story its predecessor told
 * in the last minutes.
 */
@Component
class StoryReporter {

  private final LiveAnomalies anomalies;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ClusterLease lease;
  private final Map<String, Instant> told = new ConcurrentHashMap<>();

  StoryReporter(
      LiveAnomalies anomalies, ApplicationEventPublisher events, Clock clock, ClusterLease lease) {
    this.anomalies = anomalies;
    this.events = events;
    this.clock = clock;
    this.lease = lease;
  }

  @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
  void report() {
    if (!lease.held()) return;
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
