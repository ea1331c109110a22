package dev.lrcp.incident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incident detection and delivery settings ({@code LRCP_INCIDENTS_*}).
 *
 * @param evaluateEvery how often rules run (0 = never; tests call the evaluator directly)
 * @param window the current window every rule looks at
 * @param baseline the trailing window before it, used by the cost rule and attribution
 * @param recovery how long a condition must stay clear before the incident resolves itself
 * @param minRequests calls a scope needs in the window before any rule judges it
 * @param samples sample calls kept as evidence
 * @param countEvery how often {@code OpenIncidentsCounted} is published (0 = never)
 * @param retention how long resolved incidents are kept
 * @param dashboardId Datadog dashboard id for links; without it links open the dashboard list
 */
@ConfigurationProperties("lrcp.incidents")
public record IncidentProperties(
    @DefaultValue("5s") Duration evaluateEvery,
    @DefaultValue("2m") Duration window,
    @DefaultValue("30m") Duration baseline,
    @DefaultValue("2m") Duration recovery,
    @DefaultValue("10") int minRequests,
    @DefaultValue("5") int samples,
    @DefaultValue("10s") Duration countEvery,
    @DefaultValue("90d") Duration retention,
    String dashboardId,
    @DefaultValue Rules rules,
    @DefaultValue Delivery delivery) {

  /** Per-rule switches and thresholds ({@code lrcp.incidents.rules.<rule>.*}). */
  public record Rules(
      @DefaultValue LatencySlo latencySlo,
      @DefaultValue ErrorRate errorRate,
      @DefaultValue RetryStorm retryStorm,
      @DefaultValue CostSpike costSpike,
      @DefaultValue QualityDrop qualityDrop,
      @DefaultValue SecurityAttack securityAttack,
      @DefaultValue TokenAbuse tokenAbuse) {}

  /** p95 latency above {@code p95Ms}. */
  public record LatencySlo(
      @DefaultValue("true") boolean enabled, @DefaultValue("3000") double p95Ms) {}

  /** Share of calls that failed above {@code threshold}. */
  public record ErrorRate(
      @DefaultValue("true") boolean enabled, @DefaultValue("0.05") double threshold) {}

  /** Retries per call above {@code retriesPerRequest}. */
  public record RetryStorm(
      @DefaultValue("true") boolean enabled, @DefaultValue("0.5") double retriesPerRequest) {}

  /**
   * Cost per call against the per-minute baseline: robust z-score (median/MAD) above {@code z} and
   * at least {@code minRatio} times the median, with {@code minBaselineMinutes} of history.
   */
  public record CostSpike(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("3.5") double z,
      @DefaultValue("1.5") double minRatio,
      @DefaultValue("5") int minBaselineMinutes) {}

  /** Mean grounding score of calls with a document below {@code minGrounding}. */
  public record QualityDrop(
      @DefaultValue("true") boolean enabled, @DefaultValue("0.5") double minGrounding) {}

  /** Share of calls flagged as prompt injection above {@code injectionRate}. */
  public record SecurityAttack(
      @DefaultValue("true") boolean enabled, @DefaultValue("0.1") double injectionRate) {}

  /** Share of calls flagged as token abuse above {@code abuseRate}. */
  public record TokenAbuse(
      @DefaultValue("true") boolean enabled, @DefaultValue("0.1") double abuseRate) {}

  /**
   * Outbox delivery to Datadog: polled every {@code every}; a failure waits {@code backoff},
   * doubling up to {@code maxBackoff}. {@code datadogApiUrl} defaults to {@code
   * https://api.<DD_SITE>}; tests point it at a local stub.
   */
  public record Delivery(
      @DefaultValue("5s") Duration every,
      @DefaultValue("5s") Duration backoff,
      @DefaultValue("10m") Duration maxBackoff,
      String datadogApiUrl) {}
}
