package dev.lrcp.health;

/**
 * What the health score is computed from, whether measured live or supplied by a caller.
 *
 * @param latencyMs p95 latency when live, the caller's average otherwise
 * @param slowRate share of calls slower than the latency objective; null when unknown (supplied
 *     aggregates)
 * @param quality 0..1, or null when no answer was scored (its weight is then shared by the others)
 * @param tokenEfficiency output tokens per input token
 */
public record HealthInputs(
    double latencyMs,
    Double slowRate,
    double errorRate,
    double retryRate,
    double costPerRequestUsd,
    Double quality,
    double safetyBlockRate,
    double injectionRate,
    double tokenAbuseRate,
    double tokenEfficiency) {

  /** The live inputs of a window; null when it held no calls. */
  public static HealthInputs of(WindowStats stats) {
    if (stats.requests() == 0) {
      return null;
    }
    return new HealthInputs(
        stats.p95LatencyMs(),
        stats.slowRate(),
        stats.errorRate(),
        stats.retryRate(),
        stats.costPerRequestUsd(),
        stats.meanQuality(),
        stats.safetyBlockRate(),
        stats.injectionRate(),
        stats.tokenAbuseRate(),
        stats.tokenEfficiency());
  }
}
