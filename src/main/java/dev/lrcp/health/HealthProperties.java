package dev.lrcp.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the health score. Every component falls continuously from 100 at its "good" value
 * to 0 at its "bad" value.
 *
 * @param latencyGoodMs p95 latency that still scores 100
 * @param latencyBadMs p95 latency that scores 0
 * @param costGoodUsd cost per request that still scores 100 (scale is logarithmic)
 * @param costBadUsd cost per request that scores 0
 * @param latencySloMs p95 latency objective that predictions are measured against
 * @param errorRateSlo error-rate objective that predictions are measured against
 * @param retention how long recent calls are kept in memory for windows and attribution
 * @param maxSamples cap on calls kept in memory (oldest dropped first)
 */
@ConfigurationProperties("lrcp.health")
public record HealthProperties(
    @DefaultValue("500") double latencyGoodMs,
    @DefaultValue("4000") double latencyBadMs,
    @DefaultValue("0.001") double costGoodUsd,
    @DefaultValue("0.1") double costBadUsd,
    @DefaultValue("3000") double latencySloMs,
    @DefaultValue("0.05") double errorRateSlo,
    @DefaultValue("5m") Duration window,
    @DefaultValue("35m") Duration retention,
    @DefaultValue("50000") int maxSamples) {

  public HealthProperties {
    if (latencyBadMs <= latencyGoodMs || costBadUsd <= costGoodUsd || costGoodUsd <= 0) {
      throw new IllegalArgumentException("health thresholds: bad must be above good, costs > 0");
    }
  }
}
