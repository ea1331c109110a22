package dev.lrcp.resilience;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code lrcp.resilience.*} ({@code LRCP_RESILIENCE_*}).
 *
 * @param timeout per attempt, including injected latency; for a stream, the longest wait for each
 *     delta (see {@code AttemptTimer})
 * @param maxAttempts per model, first attempt included
 * @param fallbacks chains such as {@code gemini-2.5-pro>gemini-2.5-flash>gemini-2.5-flash-lite}; a
 *     comma-separated list so one environment variable can hold them all; empty disables fallback
 */
@ConfigurationProperties("lrcp.resilience")
public record ResilienceProperties(
    @DefaultValue("20s") Duration timeout,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue Backoff backoff,
    @DefaultValue Breaker breaker,
    @DefaultValue({
          "gemini-2.5-pro>gemini-2.5-flash>gemini-2.5-flash-lite",
          "gpt-4o>gpt-4o-mini",
          "gpt-4.1>gpt-4.1-mini>gpt-4.1-nano"
        })
        List<String> fallbacks,
    @DefaultValue FaultSettings faults) {

  public ResilienceProperties {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("lrcp.resilience.max-attempts must be >= 1");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("lrcp.resilience.timeout must be > 0");
    }
    fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
  }

  /**
   * Exponential backoff: the n-th retry waits {@code min(max, initial * multiplier^(n-1))}, reduced
   * by a random share of up to {@code jitter} so concurrent retries spread out.
   */
  public record Backoff(
      @DefaultValue("200ms") Duration initial,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("2s") Duration max,
      @DefaultValue("0.5") double jitter) {
    public Backoff {
      if (jitter < 0 || jitter > 1 || multiplier < 1) {
        throw new IllegalArgumentException("backoff needs 0 <= jitter <= 1 and multiplier >= 1");
      }
    }
  }

  /** Circuit breaker per model, over the last {@code windowSize} calls. */
  public record Breaker(
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("20") int windowSize,
      @DefaultValue("10") int minimumCalls,
      @DefaultValue("30s") Duration openDuration,
      @DefaultValue("3") int halfOpenCalls) {}

  /**
   * What the {@code simulate_*} toggles do. The default latency alone exceeds a 3,000 ms p95 SLO
   * whatever the model or latency scale, and stays well inside the default 20 s timeout.
   *
   * @param latency added before each upstream attempt by {@code simulate_latency}
   * @param longContextRepetitions how many times {@code simulate_long_context} repeats the prompt
   * @param longContextMaxChars cap on the lengthened prompt
   */
  public record FaultSettings(
      @DefaultValue("3500ms") Duration latency,
      @DefaultValue("20") int longContextRepetitions,
      @DefaultValue("400000") int longContextMaxChars) {}

  /** Next model after each model, from the configured chains. */
  Map<String, String> fallbackMap() {
    var next = new LinkedHashMap<String, String>();
    for (String chain : fallbacks) {
      String[] models = chain.split(">");
      for (int i = 0; i + 1 < models.length; i++) {
        next.putIfAbsent(models[i].strip(), models[i + 1].strip());
      }
    }
    return next;
  }
}
