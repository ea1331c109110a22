package dev.lrcp.telemetry;

import dev.lrcp.cluster.LeaseChecked;
import dev.lrcp.forecast.SpendForecast;
import dev.lrcp.health.HealthEvaluated;
import dev.lrcp.incident.IncidentDeliveryFailed;
import dev.lrcp.incident.IncidentOpened;
import dev.lrcp.incident.OpenIncidentsCounted;
import dev.lrcp.incident.QualityDriftDetected;
import dev.lrcp.optimization.OptimizationCounted;
import dev.lrcp.storage.StorageStats;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges and counters from the periodic health, incident, storage, lease, spend-forecast and
 * optimisation reports, and from incidents and drift warnings as they open. An open-incident gauge
 * that drops out of a report is sent once as 0, so a resolved incident does not linger on a graph
 * at its last value.
 */
@Component
class StateMetrics {

  private final MetricEmitter emitter;
  private final Set<OpenIncidentsCounted.Count> lastOpen = new HashSet<>();

  StateMetrics(MetricEmitter emitter) {
    this.emitter = emitter;
  }

  @EventListener
  void on(HealthEvaluated health) {
    if (health.score() == null) {
      return;
    }
    Tags scope = Tags.of("scope", health.scope());
    emitter.emit(Metric.HEALTH_SCORE, health.score(), scope);
    if (health.components() != null) {
      health
          .components()
          .forEach(
              (component, value) -> {
                if (value != null) {
                  emitter.emit(
                      Metric.HEALTH_COMPONENT, value, scope.copy().and("component", component));
                }
              });
    }
  }

  @EventListener
  void on(IncidentOpened opened) {
    emitter.emit(
        Metric.INCIDENT_OPENED,
        1,
        Tags.of("rule", opened.rule()).and("severity", opened.severity()));
  }

  @EventListener
  synchronized void on(OpenIncidentsCounted counted) {
    var keys = new HashSet<OpenIncidentsCounted.Count>();
    for (var count : counted.counts()) {
      emitter.emit(Metric.INCIDENT_OPEN, count.open(), incidentTags(count));
      keys.add(new OpenIncidentsCounted.Count(count.rule(), count.severity(), 0));
    }
    lastOpen.removeAll(keys);
    lastOpen.forEach(gone -> emitter.emit(Metric.INCIDENT_OPEN, 0, incidentTags(gone)));
    lastOpen.clear();
    lastOpen.addAll(keys);
  }

  @EventListener
  void on(IncidentDeliveryFailed failed) {
    emitter.emit(Metric.INCIDENT_SINK_FAILURE, 1, Tags.of("sink", failed.sink()));
  }

  @EventListener
  void on(StorageStats stats) {
    emitter.emit(Metric.STORAGE_QUEUE_DEPTH, stats.queueDepth(), Tags.none());
    emitter.emit(Metric.STORAGE_WRITTEN, stats.written(), Tags.none());
    emitter.emit(Metric.STORAGE_DROPPED, stats.dropped(), Tags.none());
  }

  @EventListener
  void on(LeaseChecked checked) {
    emitter.emit(Metric.CLUSTER_LEASE_HELD, checked.held() ? 1 : 0, Tags.none());
  }

  @EventListener
  void on(QualityDriftDetected drift) {
    emitter.emit(
        Metric.QUALITY_DRIFT_WARNING,
        1,
        Tags.of("signal", drift.signal())
            .and("endpoint", drift.endpoint())
            .and("model", drift.model()));
  }

  @EventListener
  void on(SpendForecast forecast) {
    emitter.emit(
        Metric.FORECAST_SPEND_NEXT_24H, forecast.expectedUsd(), Tags.of("bound", "expected"));
    emitter.emit(
        Metric.FORECAST_SPEND_NEXT_24H, forecast.lower80Usd(), Tags.of("bound", "lower80"));
    emitter.emit(
        Metric.FORECAST_SPEND_NEXT_24H, forecast.upper80Usd(), Tags.of("bound", "upper80"));
  }

  @EventListener
  void on(OptimizationCounted counted) {
    for (OptimizationCounted.Count c : counted.counts()) {
      Tags kind = Tags.of("kind", c.kind());
      emitter.emit(Metric.OPTIMIZATION_OPEN, c.open(), kind);
      emitter.emit(Metric.OPTIMIZATION_IMPLEMENTED, c.implemented(), kind);
      emitter.emit(Metric.OPTIMIZATION_ESTIMATED_USD, c.estimatedMonthlyUsd(), kind);
      emitter.emit(Metric.OPTIMIZATION_REALISED_USD, c.realisedMonthlyUsd(), kind);
    }
  }

  private static Tags incidentTags(OpenIncidentsCounted.Count count) {
    return Tags.of("rule", count.rule()).and("severity", count.severity());
  }
}
