package dev.lrcp.telemetry;

import dev.lrcp.quality.AnswerLeftUnscored;
import dev.lrcp.quality.AnswerScored;
import dev.lrcp.security.PromptScanned;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Quality and security signals as metrics. Grounding and the ungrounded flag exist only when a
 * document was given, so the flag's average is the ungrounded rate among grounded questions.
 */
@Component
class SignalMetrics {

  private final MetricEmitter emitter;

  SignalMetrics(MetricEmitter emitter) {
    this.emitter = emitter;
  }

  @EventListener
  void on(AnswerScored scored) {
    Tags tags =
        Tags.of("endpoint", scored.endpoint())
            .and("model", scored.model())
            .and("provider", scored.provider());
    emitter.emit(Metric.SEMANTIC_SIMILARITY, scored.semanticSimilarity(), tags);
    if (scored.hasDocument()) {
      emitter.emit(Metric.GROUNDING_SCORE, scored.groundingScore(), tags);
      emitter.emit(Metric.UNGROUNDED_FLAG, scored.ungrounded() ? 1 : 0, tags);
    }
  }

  @EventListener
  void on(AnswerLeftUnscored unscored) {
    emitter.emit(
        Metric.QUALITY_UNSCORED,
        1,
        Tags.of("endpoint", unscored.endpoint())
            .and("model", unscored.model())
            .and("provider", unscored.provider())
            .and("reason", unscored.reason().name().toLowerCase(Locale.ROOT)));
  }

  @EventListener
  void on(PromptScanned scan) {
    Tags endpoint = Tags.of("endpoint", scan.endpoint());
    emitter.emit(Metric.INJECTION_SCORE, scan.injectionScore(), endpoint);
    if (scan.injectionFlag()) {
      emitter.emit(Metric.INJECTION_RISK, 1, endpoint.copy().and("source", scan.injectionSource()));
    }
    for (String type : scan.piiTypes()) {
      emitter.emit(
          Metric.PII_COUNT, 1, endpoint.copy().and("pii_type", type.toLowerCase(Locale.ROOT)));
    }
    if (scan.tokenAbuse()) {
      emitter.emit(Metric.TOKEN_ABUSE, 1, endpoint);
    }
    if (scan.blocked()) {
      emitter.emit(Metric.BLOCKED_COUNT, 1, endpoint);
    }
  }
}
