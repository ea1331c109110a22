package dev.lrcp.resilience;

import java.time.Instant;

/**
 * The circuit breaker of one model changed state: {@code closed}, {@code half_open}, {@code open}.
 */
public record CircuitBreakerStateChanged(Instant at, String model, String provider, String state) {}
