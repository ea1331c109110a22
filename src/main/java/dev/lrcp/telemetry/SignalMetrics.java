package dev.lrcp.telemetry;

import dev.lrcp.flow.CallRecord;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A call's quality and security signals as metrics. Grounding and the ungrounded flag exist only
 * when a document was given, so the flag's average is the ungrounded rate among grounded questions.
 */
@Component
class SignalMetrics {

  private final MetricEmitter emitter;

  SignalMetrics(MetricEmitter emitter) {
    this.emitter = emitter;
  }

  @EventListener
  void on(CallRecord call) {
    if (call.quality() != null) {
      quality(call, call.quality());
    }
    if (call.security() != null) {
      security(
          Tags.of("endpoint", call.endpoint()).and("traffic", call.labels().traffic()),
          call.security());
    }
  }

  private void quality(CallRecord call, CallRecord.Quality quality) {
    Tags tags =
        Tags.of("endpoint", call.endpoint())
            .and("model", call.model())
            .and("provider", call.provider())
            .and("traffic", call.labels().traffic());
    if (!quality.isScored()) {
      emitter.emit(Metric.QUALITY_UNSCORED, 1, tags.and("reason", quality.unscored()));
      return;
    }
    emitter.emit(Metric.SEMANTIC_SIMILARITY, quality.semanticSimilarity(), tags);
    if (quality.hasDocument()) {
      emitter.emit(Metric.GROUNDING_SCORE, quality.groundingScore(), tags);
      emitter.emit(Metric.UNGROUNDED_FLAG, Boolean.TRUE.equals(quality.ungrounded()) ? 1 : 0, tags);
    }
  }

  private void security(Tags tags, CallRecord.Security scan) {
    emitter.emit(Metric.INJECTION_SCORE, scan.injectionScore(), tags);
    if (scan.injectionFlag()) {
      emitter.emit(Metric.INJECTION_RISK, 1, tags.copy().and("source", scan.injectionSource()));
    }
    for (String type : scan.piiTypes()) {
      emitter.emit(Metric.PII_COUNT, 1, tags.copy().and("pii_type", type.toLowerCase(Locale.ROOT)));
    }
    if (scan.tokenAbuse()) {
      emitter.emit(Metric.TOKEN_ABUSE, 1, tags);
    }
    if (scan.blocked()) {
      emitter.emit(Metric.BLOCKED_COUNT, 1, tags);
    }
  }
}
