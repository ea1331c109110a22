package dev.lrcp.incident;

import dev.lrcp.flow.Records;
import dev.lrcp.health.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/** Call records as the flow publishes them, for scenarios over gemini-2.5-pro and flash. */
final class TwoModelTraffic {

  static final String PRO = "gemini-2.5-pro";
  static final String FLASH = "gemini-2.5-flash";

  private TwoModelTraffic() {}

  /** Calls every 2 s on /qa and /reason, each on both models, for the given duration. */
  static void publish(
      ApplicationEventPublisher events,
      MutableClock clock,
      Duration duration,
      long proLatency,
      long flashLatency) {
    Instant end = clock.instant().plus(duration);
    int i = 0;
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofSeconds(2));
      for (String endpoint : List.of("/qa", "/reason")) {
        long jitter = (i++ * 37L) % 200;
        events.publishEvent(Records.call(clock.instant(), endpoint, PRO, proLatency + jitter));
        events.publishEvent(Records.call(clock.instant(), endpoint, FLASH, flashLatency + jitter));
      }
    }
  }
}
