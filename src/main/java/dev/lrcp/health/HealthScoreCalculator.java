package dev.lrcp.health;

import org.springframework.stereotype.Component;

/**
 * The original's composite (performance 0.25, reliability 0.25, cost 0.20, quality 0.20, security
 * 0.10, efficiency bonus up to 10, capped at 100) with every component continuous and monotone, so
 * the score never jumps at a threshold. Thresholds come from {@link HealthProperties}.
 */
@Component
public class HealthScoreCalculator {

  private final HealthProperties properties;

  public HealthScoreCalculator(HealthProperties properties) {
    this.properties = properties;
  }

  public HealthScore score(HealthInputs in) {
    double performance =
        linearDecline(in.latencyMs(), properties.latencyGoodMs(), properties.latencyBadMs());
    double reliability = clamp(100 - in.errorRate() * 1000) - Math.min(20, in.retryRate() * 100);
    double cost =
        logDecline(in.costPerRequestUsd(), properties.costGoodUsd(), properties.costBadUsd());
    Double quality = in.quality() == null ? null : clamp(in.quality() * 100);
    double security =
        clamp(
            100
                - in.safetyBlockRate() * 1000
                - in.injectionRate() * 500
                - in.tokenAbuseRate() * 500);
    double bonus = Math.min(10, Math.max(0, in.tokenEfficiency() * 10));
    double weighted =
        0.25 * performance + 0.25 * Math.max(0, reliability) + 0.20 * cost + 0.10 * security;
    // Without scored answers the quality weight is shared by the others rather than guessed.
    double composite = quality == null ? weighted / 0.80 : weighted + 0.20 * quality;
    double score = round(Math.min(100, composite + bonus));
    return new HealthScore(
        score,
        HealthScore.status(score),
        round(performance),
        round(Math.max(0, reliability)),
        round(cost),
        quality == null ? null : round(quality),
        round(security),
        round(bonus));
  }

  /** 100 at or below {@code good}, 0 at or above {@code bad}, linear between. */
  static double linearDecline(double value, double good, double bad) {
    return clamp(100 * (bad - value) / (bad - good));
  }

  /** Like {@link #linearDecline} on a log scale: each 10x in cost costs the same points. */
  static double logDecline(double value, double good, double bad) {
    if (value <= good) {
      return 100;
    }
    return clamp(100 * (1 - Math.log(value / good) / Math.log(bad / good)));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(100, v));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
