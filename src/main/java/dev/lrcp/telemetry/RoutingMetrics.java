package dev.lrcp.telemetry;

import dev.lrcp.flow.CallRecord;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A call's routing decision as metrics: the decision, an escalation, and the savings against the
 * reference model (not sent for static decisions, which have none).
 */
@Component
class RoutingMetrics {

  private final MetricEmitter emitter;

  RoutingMetrics(MetricEmitter emitter) {
    this.emitter = emitter;
  }

  @EventListener
  void on(CallRecord call) {
    CallRecord.Routing routing = call.routing();
    if (routing == null || !call.called()) {
      return;
    }
    String traffic = call.labels().traffic();
    Tags scope = Tags.of("endpoint", call.endpoint()).and("policy", routing.policy());
    emitter.emit(
        Metric.ROUTING_DECISION,
        1,
        scope
            .copy()
            .and("reason", routing.reason())
            .and("model", call.model())
            .and("traffic", traffic));
    if (routing.escalated()) {
      emitter.emit(
          Metric.ROUTING_ESCALATION,
          1,
          scope
              .copy()
              .and("escalation", routing.escalation())
              .and("model", call.model())
              .and("traffic", traffic));
    }
    if (routing.referenceModel() != null) {
      emitter.emit(
          Metric.ROUTING_SAVINGS, routing.savingsUsd(), scope.copy().and("traffic", traffic));
    }
  }
}
