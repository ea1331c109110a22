package dev.lrcp.health;

import org.springframework.stereotype.Component;

/**
 * The original's composite (cost 0.20, quality 0.20, security 0.10, efficiency bonus up to 10,
 * capped at 100) with every component continuous and monotone, so the score never jumps at a
 * threshold; the original's performance and reliability weights (0.25 each) give 0.20 to the SLO
 * component, which measures the same two signals against their objectives: 100 with the error
 * budgets untouched, 0 once either objective is breached. Thresholds come from {@link
 * HealthProperties}.
 */
@Component
public class HealthScoreCalculator {

  private final HealthProperties properties;

  public HealthScoreCalculator(HealthProperties properties) {
    this.properties = properties;
  }

  /** The p95 objective allows this share of calls above it. */
  private static final double LATENCY_BUDGET = 0.05;

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
    var burn =
        new SloBurn(
            in.slowRate() == null ? null : round(in.slowRate() / LATENCY_BUDGET),
            round(in.errorRate() / properties.errorRateSlo()));
    double slo = clamp(100 * (1 - burn.worst()));
    double weighted =
        0.15 * performance
            + 0.15 * Math.max(0, reliability)
            + 0.20 * cost
            + 0.10 * security
            + 0.20 * slo;
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
        round(slo),
        round(bonus),
        burn,
        null);
  }

  double latencySloMs() {
    return properties.latencySloMs();
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
