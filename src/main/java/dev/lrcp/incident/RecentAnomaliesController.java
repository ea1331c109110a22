package dev.lrcp.incident;

import dev.lrcp.anomaly.Attribution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /optimization/anomaly/recent}: the anomalies the detection rules found in the last
 * hours (the incidents they opened, newest first, with the attribution each carries). The original
 * answered with a fixed hint.
 */
@RestController
class RecentAnomaliesController {

  private static final int MOST = 100;

  private final Incidents incidents;
  private final Clock clock;

  RecentAnomaliesController(Incidents incidents, Clock clock) {
    this.incidents = incidents;
    this.clock = clock;
  }

  /** One anomaly: the rule that found it, where, the numbers, and what explains it. */
  record Anomaly(
      String incidentId,
      String rule,
      String severity,
      String status,
      Scope scope,
      Instant detectedAt,
      String title,
      Incident.Evidence evidence,
      Attribution attribution) {}

  record Recent(int hours, List<Anomaly> anomalies, Instant generatedAt) {}

  @GetMapping("/optimization/anomaly/recent")
  Recent recent(@RequestParam(defaultValue = "24") int hours) {
    if (hours < 1 || hours > 24 * 30) {
      var e =
          new ResponseStatusException(HttpStatus.BAD_REQUEST, "hours must be between 1 and 720");
      e.setDetail("hours must be between 1 and 720");
      throw e;
    }
    Instant now = clock.instant();
    Instant since = now.minus(Duration.ofHours(hours));
    List<Anomaly> found =
        incidents.list(null, 0, MOST).items().stream()
            .filter(i -> !i.rule().equals(Rule.MANUAL.id()))
            .filter(i -> !i.openedAt().isBefore(since))
            .map(
                i ->
                    new Anomaly(
                        i.id(),
                        i.rule(),
                        i.severity(),
                        i.status(),
                        i.scope(),
                        i.openedAt(),
                        i.title(),
                        i.evidence(),
                        i.attribution()))
            .toList();
    return new Recent(hours, found, now);
  }
}
