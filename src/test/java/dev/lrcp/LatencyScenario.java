package dev.lrcp;

import dev.lrcp.flow.Records;
import dev.lrcp.health.MutableClock;
import dev.lrcp.incident.IncidentEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Real call records for a latency incident on gemini-2.5-pro: calls every 2 s on /qa and /reason,
 * each on both models, with the clock moved by hand.
 */
public final class LatencyScenario {

  public static final String SLOW_MODEL = "gemini-2.5-pro";

  private final ApplicationEventPublisher events;
  private final MutableClock clock;
  private final IncidentEvaluator evaluator;

  public LatencyScenario(
      ApplicationEventPublisher events, MutableClock clock, IncidentEvaluator evaluator) {
    this.events = events;
    this.clock = clock;
    this.evaluator = evaluator;
  }

  /** Leaves earlier traffic behind and lets earlier incidents recover. */
  public void quiet() {
    clock.advance(Duration.ofHours(2));
    evaluator.evaluate();
  }

  /** Ten healthy minutes, two minutes of gemini-2.5-pro at 5.2 s, then the rules run. */
  public void spike() {
    traffic(Duration.ofMinutes(10), 1000);
    traffic(Duration.ofMinutes(2), 5200);
    evaluator.evaluate();
  }

  /** One more slow minute: the open incident gets fresh evidence. */
  public void persist() {
    traffic(Duration.ofMinutes(1), 5200);
    evaluator.evaluate();
  }

  /** Five healthy minutes, the rules running each minute: the incident resolves. */
  public void recover() {
    for (int minute = 0; minute < 5; minute++) {
      traffic(Duration.ofMinutes(1), 1000);
      evaluator.evaluate();
    }
  }

  private void traffic(Duration duration, long proLatency) {
    Instant end = clock.instant().plus(duration);
    int i = 0;
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofSeconds(2));
      for (String endpoint : List.of("/qa", "/reason")) {
        long jitter = (i++ * 37L) % 200;
        events.publishEvent(
            Records.call(clock.instant(), endpoint, SLOW_MODEL, proLatency + jitter));
        events.publishEvent(
            Records.call(clock.instant(), endpoint, "gemini-2.5-flash", 500 + jitter));
      }
    }
  }
}
