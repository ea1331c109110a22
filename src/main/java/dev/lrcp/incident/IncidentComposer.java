package dev.lrcp.incident;

import dev.lrcp.anomaly.Attribution;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.incident.Incident.Evidence;
import dev.lrcp.incident.Incident.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Turns a rule's finding and its attribution into the incident a person reads. */
final class IncidentComposer {

  private final Runbooks runbooks;
  private final DatadogLinks links;
  private final String window;

  IncidentComposer(Runbooks runbooks, DatadogLinks links, Duration window) {
    this.runbooks = runbooks;
    this.links = links;
    this.window = label(window);
  }

  Incident compose(Finding f, Attribution a, List<CallRecord> current, Instant now) {
    var m = f.measurement();
    var runbook = runbooks.runbook(f, a, current);
    var samples = f.samples().stream().map(c -> new Sample(c.promptId(), c.traceId())).toList();
    var evidence =
        new Evidence(
            m.metric(),
            m.statistic(),
            round(m.value()),
            m.threshold(),
            m.unit(),
            window,
            m.requests(),
            m.baseline(),
            samples);
    return new Incident(
        newId(),
        f.rule().id(),
        f.title(),
        f.severity().label(),
        Incident.OPEN,
        f.scope(),
        now,
        now,
        null,
        evidence,
        a,
        runbook.steps(),
        links.of(f.scope(), now),
        List.of(),
        List.of(),
        runbook.actions());
  }

  static String newId() {
    return "inc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  static String label(Duration d) {
    return d.toSecondsPart() == 0 && d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }

  private static double round(double v) {
    return Math.round(v * 10_000.0) / 10_000.0;
  }
}
