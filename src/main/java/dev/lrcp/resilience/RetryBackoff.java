package dev.lrcp.resilience;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Computes retry delays; never longer than the configured maximum. */
final class RetryBackoff {

  private final ResilienceProperties.Backoff settings;
  private final RandomGenerator random;

  RetryBackoff(ResilienceProperties.Backoff settings, RandomGenerator random) {
    this.settings = settings;
    this.random = random;
  }

  /** Delay before retry number {@code retry} (1 for the first retry). */
  Duration delay(int retry) {
    double base = settings.initial().toNanos() * Math.pow(settings.multiplier(), retry - 1);
    double capped = Math.min(base, settings.max().toNanos());
    double jittered = capped * (1 - settings.jitter() * random.nextDouble());
    return Duration.ofNanos(Math.round(jittered));
  }
}
