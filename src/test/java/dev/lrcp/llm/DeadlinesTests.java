package dev.lrcp.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTests {

  final Deadlines deadlines = new Deadlines();

  @AfterEach
  void stop() {
    deadlines.close();
  }

  @Test
  void anActionRunsOnceItsDelayHasPassed() throws InterruptedException {
    var ran = new CountDownLatch(1);
    long start = System.nanoTime();
    var ranAfter = new long[1];

    deadlines.after(
        Duration.ofMillis(30),
        () -> {
          ranAfter[0] = System.nanoTime() - start;
          ran.countDown();
        });

    assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ranAfter[0]).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
  }

  @Test
  void aCancelledActionNeverRuns() throws InterruptedException {
    var cancelledRan = new AtomicBoolean();
    var later = new CountDownLatch(1);

    deadlines.after(Duration.ofMillis(20), () -> cancelledRan.set(true)).cancel();
    deadlines.after(Duration.ofMillis(60), later::countDown);

    // the wheel runs deadlines in order: once the later one has run, the earlier one would have
    assertThat(later.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(cancelledRan).isFalse();
  }

  @Test
  void aClosedTimerRunsNothingMore() throws InterruptedException {
    var ran = new AtomicBoolean();
    var probe = new Deadlines();
    probe.after(Duration.ofMillis(20), () -> ran.set(true));

    probe.close();

    var after = new CountDownLatch(1);
    deadlines.after(Duration.ofMillis(60), after::countDown);
    assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).isFalse();
  }
}
