package dev.lrcp.resilience;

import dev.lrcp.llm.LlmException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;

/**
 * One circuit breaker per model, created on first use. Only retryable upstream failures count
 * against a model; a bad request says nothing about the model's health. Every state transition is
 * published as {@link CircuitBreakerStateChanged}.
 */
final class ModelBreakers {

  private final CircuitBreakerRegistry registry;

  ModelBreakers(
      ResilienceProperties.Breaker settings,
      String provider,
      ApplicationEventPublisher events,
      Clock clock) {
    var config =
        CircuitBreakerConfig.custom()
            .slidingWindowSize(settings.windowSize())
            .minimumNumberOfCalls(settings.minimumCalls())
            .failureRateThreshold(settings.failureRateThreshold())
            .waitDurationInOpenState(settings.openDuration())
            .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
            .recordException(e -> e instanceof LlmException l && l.failure().retryable())
            .clock(clock)
            .build();
    this.registry = CircuitBreakerRegistry.of(config);
    registry
        .getEventPublisher()
        .onEntryAdded(
            added ->
                added
                    .getAddedEntry()
                    .getEventPublisher()
                    .onStateTransition(
                        t ->
                            events.publishEvent(
                                new CircuitBreakerStateChanged(
                                    clock.instant(),
                                    t.getCircuitBreakerName(),
                                    provider,
                                    t.getStateTransition()
                                        .getToState()
                                        .name()
                                        .toLowerCase(Locale.ROOT)))));
  }

  CircuitBreaker of(String model) {
    return registry.circuitBreaker(model);
  }
}
