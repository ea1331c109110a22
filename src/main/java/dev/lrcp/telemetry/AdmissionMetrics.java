package dev.lrcp.telemetry;

import dev.lrcp.admission.AdmissionRefused;
import dev.lrcp.admission.BudgetWarning;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Admission refusals and budget warnings as metrics (key ids never become tags). */
@Component
class AdmissionMetrics {

  private final MetricEmitter emitter;

  AdmissionMetrics(MetricEmitter emitter) {
    this.emitter = emitter;
  }

  @EventListener
  void on(AdmissionRefused refused) {
    emitter.emit(
        Metric.ADMISSION_REFUSED,
        1,
        Tags.of("endpoint", refused.endpoint())
            .and("reason", refused.reason())
            .and("scope", refused.subjectType())
            .and("application", refused.application()));
  }

  @EventListener
  void on(BudgetWarning warning) {
    emitter.emit(
        Metric.BUDGET_WARNING,
        1,
        Tags.of("level", Integer.toString(warning.level()))
            .and("scope", warning.subjectType())
            .and("window", warning.window())
            .and("application", warning.application()));
  }
}
