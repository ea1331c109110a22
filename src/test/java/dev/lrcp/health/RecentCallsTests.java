package dev.lrcp.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Other replicas' calls read back from storage join this replica's own, each call once. */
class RecentCallsTests {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  final RecentCalls recent = new RecentCalls(HealthScoreCalculatorTests.DEFAULTS, clock);

  @Test
  void aCallOfThisReplicaReadBackFromStorageIsHeldOnce() {
    var own = call(0);
    recent.on(own);
    recent.holdStoredCalls();
    var later = call(1);
    recent.on(later);

    assertThat(recent.addStored(own)).isFalse();
    assertThat(recent.addStored(later)).isFalse();
    assertThat(recent.addStored(call(2))).isTrue();
    assertThat(recent.between(clock.instant().minusSeconds(60), clock.instant().plusSeconds(60)))
        .hasSize(3);
  }

  @Test
  void anotherReplicasCallJoinsTheWindowInTimeOrder() {
    recent.holdStoredCalls();
    var theirs = call(-2);
    recent.on(call(0));
    recent.addStored(theirs);

    assertThat(recent.between(clock.instant().minusSeconds(60), clock.instant()))
        .first()
        .isEqualTo(theirs);
  }

  @Test
  void aStoredCallFarOlderThanTheLatestHeldIsLeftToStorage() {
    recent.holdStoredCalls();
    recent.on(call(0));
    var late = call(-RecentCalls.DISORDER.toSeconds() - 1);

    assertThat(recent.addStored(late)).isFalse();
    assertThat(recent.between(late.at(), clock.instant())).isEmpty();
  }

  @Test
  void aWindowFilledFromStorageIsCompleteBeforeTheReplicaStarted() {
    Instant before = clock.instant().minus(Duration.ofMinutes(35));
    assertThat(recent.completeSince()).isEqualTo(clock.instant());

    recent.completeFrom(before);

    assertThat(recent.completeSince()).isEqualTo(before);
  }

  private CallRecord call(long seconds) {
    return Records.call(clock.instant().plusSeconds(seconds), "/qa", "gemini-2.5-flash", 100);
  }
}
