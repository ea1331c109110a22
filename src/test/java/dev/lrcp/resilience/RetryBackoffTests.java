package dev.lrcp.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryBackoffTests {

  private final ResilienceProperties.Backoff settings =
      new ResilienceProperties.Backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.5);

  private static RandomGenerator constant(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @Test
  void growsExponentiallyWithoutJitter() {
    var backoff = new RetryBackoff(settings, constant(0.0));
    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(30)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterOnlyShortensAndStaysWithinItsShare() {
    var backoff = new RetryBackoff(settings, new SplittableRandom(3));
    for (int retry = 1; retry <= 12; retry++) {
      Duration ceiling = Duration.ofMillis(Math.min(1000, 100L << (retry - 1)));
      for (int i = 0; i < 50; i++) {
        Duration d = backoff.delay(retry);
        assertThat(d).isLessThanOrEqualTo(ceiling).isGreaterThanOrEqualTo(ceiling.dividedBy(2));
      }
    }
    assertThat(new RetryBackoff(settings, constant(0.999)).delay(1))
        .isLessThan(Duration.ofMillis(51));
  }
}
