package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundScoringTests {

  @Test
  void scoringThreadsRunInTheIdleClassOnLinux() throws Exception {
    assumeTrue(Platform.isLinux(), "SCHED_IDLE is Linux's");
    assertThat(policyOfAScoringThread(true)).isEqualTo(IdleScheduling.SCHED_IDLE);
  }

  @Test
  void scoringThreadsKeepTheNormalClassWhenTurnedOff() throws Exception {
    assumeTrue(Platform.isLinux(), "SCHED_IDLE is Linux's");
    assertThat(policyOfAScoringThread(false)).isEqualTo(IdleScheduling.SCHED_OTHER);
  }

  @Test
  void theCallersThreadIsLeftAsItWas() throws Exception {
    assumeTrue(Platform.isLinux(), "SCHED_IDLE is Linux's");
    policyOfAScoringThread(true);
    assertThat(IdleScheduling.current()).isEqualTo(IdleScheduling.SCHED_OTHER);
  }

  private static int policyOfAScoringThread(boolean idle) throws Exception {
    var properties = new QualityProperties(0.5, 1, 8, 1.0, idle, Duration.ofSeconds(1), false);
    try (var scoring = BackgroundScoring.start(properties)) {
      var policy = new CompletableFuture<Integer>();
      assertThat(scoring.offer(() -> policy.complete(IdleScheduling.current()))).isEmpty();
      return policy.get(10, TimeUnit.SECONDS);
    }
  }
}
