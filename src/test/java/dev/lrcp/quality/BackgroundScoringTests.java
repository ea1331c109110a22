package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduling class is read back from the kernel ({@code /proc/thread-self/stat}), not JNA. */
class BackgroundScoringTests {

  private static final String SCHED_OTHER = "0";
  private static final String SCHED_IDLE = "5";

  @Test
  void scoringThreadsRunInTheIdleClassOnLinux() throws Exception {
    assumeTrue(Platform.isLinux(), "SCHED_IDLE is Linux's");
    assertThat(policyOfAScoringThread(true)).isEqualTo(SCHED_IDLE);
  }

  @Test
  void scoringThreadsKeepTheNormalClassWhenTurnedOff() throws Exception {
    assumeTrue(Platform.isLinux(), "SCHED_IDLE is Linux's");
    assertThat(policyOfAScoringThread(false)).isEqualTo(SCHED_OTHER);
  }

  @Test
  void theCallersThreadIsLeftAsItWas() throws Exception {
    assumeTrue(Platform.isLinux(), "SCHED_IDLE is Linux's");
    policyOfAScoringThread(true);
    assertThat(policyOfThisThread()).isEqualTo(SCHED_OTHER);
  }

  private static String policyOfAScoringThread(boolean idle) throws Exception {
    var properties = new QualityProperties(0.5, 1, 8, 1.0, idle, Duration.ofSeconds(1), false);
    try (var scoring = BackgroundScoring.start(properties)) {
      var policy = new CompletableFuture<String>();
      assertThat(
              scoring.offer(
                  () -> {
                    try {
                      policy.complete(policyOfThisThread());
                    } catch (IOException e) {
                      policy.completeExceptionally(e);
                    }
                  }))
          .isEmpty();
      return policy.get(10, TimeUnit.SECONDS);
    }
  }

  /** Field 41 of proc(5)'s stat: the policy, counted after the parenthesised command name. */
  private static String policyOfThisThread() throws IOException {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return fields[41 - 3];
  }
}
