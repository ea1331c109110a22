package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The CPU budget on a fake monotonic clock and a fake thread-CPU clock: nothing really runs. */
class ScoringBudgetTests {

  static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  final AtomicLong wall = new AtomicLong();
  final AtomicLong cpu = new AtomicLong();
  final ScoringBudget budget = new ScoringBudget(0.25, wall::get, cpu::get);

  /** Scores one answer that costs {@code cost} of CPU, if the budget admits it. */
  boolean score(long cost) {
    long reserved = budget.reserve();
    if (reserved == 0) {
      return false;
    }
    budget.spend(reserved, () -> cpu.addAndGet(cost));
    return true;
  }

  @Test
  void scoresWhileUnderBudget() {
    for (int i = 0; i < 25; i++) {
      assertThat(score(8 * MS)).as("answer %d", i).isTrue(); // 200 ms of a 250 ms bucket
    }
  }

  @Test
  void refusesOnceTheMeasuredCpuExceedsTheShare() {
    assertThat(score(1000 * MS)).isTrue();

    assertThat(budget.reserve()).isZero();
  }

  @Test
  void scoresAgainOnceTheWindowHasRepaidTheDebt() {
    score(1000 * MS); // bucket 250 ms - 1000 ms = 750 ms in debt; refills at 250 ms per second

    wall.addAndGet(3000 * MS);
    assertThat(budget.reserve()).as("debt just repaid, nothing left").isZero();
    wall.addAndGet(MS);
    assertThat(score(8 * MS)).isTrue();
  }

  @Test
  void aBurstIsAdmittedOnlyUpToTheBucketBeforeAnyScoringFinishes() {
    int admitted = 0;
    while (budget.reserve() > 0) {
      admitted++;
    }

    // 250 ms of bucket at the first estimate of 8 ms per answer; the last one may overdraw.
    assertThat(admitted).isEqualTo(32);
  }

  @Test
  void aReservationWhoseTaskNeverRunsIsGivenBack() {
    long last = 0;
    for (long r = budget.reserve(); r > 0; r = budget.reserve()) {
      last = r;
    }

    budget.release(last);

    assertThat(budget.reserve()).isPositive();
  }

  @Test
  void sustainedLoadUsesAtMostTheShareOfACore() {
    long spent = 0;
    for (int i = 0; i < 10_000; i++) { // one answer per millisecond for ten seconds
      if (score(8 * MS)) {
        spent += 8 * MS;
      }
      wall.addAndGet(MS);
    }

    long share = 2500 * MS; // a quarter of a core for ten seconds
    long bucket = 250 * MS;
    assertThat(spent).isGreaterThan(share).isLessThanOrEqualTo(share + bucket + 8 * MS);
  }
}
