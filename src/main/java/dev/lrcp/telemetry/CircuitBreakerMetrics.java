package dev.lrcp.telemetry;

import dev.lrcp.resilience.CircuitBreakerStateChanged;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Circuit breaker state per model as a gauge (0 closed, 1 half-open, 2 open). Transitions are rare,
 * so the last state is re-sent every 10 s; otherwise the gauge would have no points between
 * transitions and monitors over it would see no data.
 */
@Component
class CircuitBreakerMetrics {

  private final MetricEmitter emitter;
  private final Map<String, CircuitBreakerStateChanged> last = new ConcurrentHashMap<>();

  CircuitBreakerMetrics(MetricEmitter emitter) {
    this.emitter = emitter;
  }

  @EventListener
  void on(CircuitBreakerStateChanged change) {
    last.put(change.model(), change);
    send(change);
  }

  @Scheduled(fixedRateString = "PT10S", initialDelayString = "PT10S")
  void resend() {
    last.values().forEach(this::send);
  }

  private void send(CircuitBreakerStateChanged change) {
    emitter.emit(
        Metric.CIRCUIT_BREAKER_STATE,
        value(change.state()),
        Tags.of("model", change.model()).and("provider", change.provider()));
  }

  static int value(String state) {
    return switch (state == null ? "" : state.toLowerCase(Locale.ROOT)) {
      case "open", "forced_open" -> 2;
      case "half_open" -> 1;
      default -> 0;
    };
  }
}
