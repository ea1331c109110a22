package dev.lrcp.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.Records;
import dev.lrcp.llm.LlmFailure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthWindowsTests {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  final RecentCalls recent = new RecentCalls(HealthScoreCalculatorTests.DEFAULTS, clock);
  final StatusCaps caps = new StatusCaps();
  final HealthWindows windows =
      new HealthWindows(
          recent, new HealthScoreCalculator(HealthScoreCalculatorTests.DEFAULTS), caps, clock);

  @Test
  void reportsNoDataForAnEmptyWindow() {
    var stats = windows.stats(Duration.ofMinutes(5), Scope.SERVICE);
    assertThat(stats.requests()).isZero();
    assertThat(stats.p95LatencyMs()).isNull();
    assertThat(windows.score(Scope.SERVICE, stats)).isNull();
  }

  @Test
  void computesStatisticsPerScope() {
    for (int i = 1; i <= 20; i++) {
      clock.advance(Duration.ofSeconds(1));
      var qa = Records.call(clock.instant(), "/qa", "gemini-2.5-flash", 100L * i);
      recent.on(Records.scored(Records.scanned(qa, i % 4 == 0), 0.8, false));
      recent.on(
          Records.call(
              clock.instant(),
              "/reason",
              "gemini-2.5-pro",
              3000,
              i % 5 == 0 ? LlmFailure.TIMEOUT : null));
    }
    clock.advance(Duration.ofSeconds(1));

    var qa = windows.stats(Duration.ofMinutes(1), Scope.endpoint("/qa"));
    assertThat(qa.requests()).isEqualTo(20);
    assertThat(qa.p95LatencyMs()).isEqualTo(1900.0);
    assertThat(qa.p50LatencyMs()).isEqualTo(1000.0);
    assertThat(qa.injectionRate()).isEqualTo(0.25);
    assertThat(qa.meanQuality()).isEqualTo(0.8);
    assertThat(qa.ungroundedRate()).isEqualTo(0.0);

    var pro = windows.stats(Duration.ofMinutes(1), Scope.model("gemini-2.5-pro"));
    assertThat(pro.requests()).isEqualTo(20);
    assertThat(pro.errorRate()).isEqualTo(0.2);
    assertThat(pro.timeoutRate()).isEqualTo(0.2);
    assertThat(pro.scannedRequests()).isZero();

    var service = windows.stats(Duration.ofMinutes(1), Scope.SERVICE);
    assertThat(service.requests()).isEqualTo(40);
    assertThat(service.totalCostUsd())
        .isCloseTo(36 * 0.0004, org.assertj.core.data.Offset.offset(1e-9));

    // every scope at once, from one read of the logs: the same figures as one scope at a time
    var everyScope = windows.statsOfEveryScope(Duration.ofMinutes(1));
    assertThat(everyScope.keySet())
        .containsExactly(
            Scope.SERVICE,
            Scope.endpoint("/qa"),
            Scope.endpoint("/reason"),
            Scope.model("gemini-2.5-flash"),
            Scope.model("gemini-2.5-pro"));
    everyScope.forEach(
        (scope, stats) -> assertThat(stats).isEqualTo(windows.stats(Duration.ofMinutes(1), scope)));
    assertThat(everyScope.get(Scope.endpoint("/qa"))).isEqualTo(qa);
    assertThat(everyScope.get(Scope.model("gemini-2.5-pro"))).isEqualTo(pro);
  }

  @Test
  void slowTrafficLowersPerformanceAndItRecoversWhenTheWindowMovesOn() {
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofSeconds(2));
      recent.on(Records.call(clock.instant(), "/reason", "gemini-2.5-pro", 3500));
    }
    var slow = windows.score(Scope.SERVICE, windows.stats(Duration.ofMinutes(1), Scope.SERVICE));
    assertThat(slow.performance()).isLessThan(20);

    for (int i = 0; i < 40; i++) {
      clock.advance(Duration.ofSeconds(2));
      recent.on(Records.call(clock.instant(), "/reason", "gemini-2.5-pro", 300));
    }
    var recovered =
        windows.score(Scope.SERVICE, windows.stats(Duration.ofMinutes(1), Scope.SERVICE));
    assertThat(recovered.performance()).isEqualTo(100.0);
    assertThat(recovered.score()).isGreaterThan(slow.score());
  }

  @Test
  void anOpenIncidentCapsTheStatusOfTheScopesThatHoldItsCalls() {
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofSeconds(1));
      recent.on(Records.call(clock.instant(), "/qa", "gemini-2.5-flash", 300));
      recent.on(Records.call(clock.instant(), "/reason", "gemini-2.5-pro", 300));
    }
    var sev3 = new OpenIncident("inc-1", "p95 latency on /reason", "SEV-3", "/reason", null);
    caps.on(new OpenIncidents(clock.instant(), java.util.List.of(sev3)));

    assertThat(status(Scope.SERVICE)).isEqualTo("degraded");
    assertThat(score(Scope.SERVICE).cappedBy()).isEqualTo(sev3);
    assertThat(score(Scope.SERVICE).score()).isEqualTo(score(Scope.endpoint("/qa")).score());
    assertThat(status(Scope.endpoint("/reason"))).isEqualTo("degraded");
    assertThat(status(Scope.endpoint("/qa"))).isEqualTo("healthy");
    assertThat(score(Scope.endpoint("/qa")).cappedBy()).isNull();

    var sev1 =
        new OpenIncident(
            "inc-2", "error rate on model gemini-2.5-pro", "SEV-1", null, "gemini-2.5-pro");
    caps.on(new OpenIncidents(clock.instant().plusMillis(1), java.util.List.of(sev3, sev1)));
    assertThat(status(Scope.SERVICE)).isEqualTo("critical");
    assertThat(score(Scope.SERVICE).cappedBy()).isEqualTo(sev1);
    assertThat(status(Scope.endpoint("/reason"))).isEqualTo("degraded");

    caps.on(new OpenIncidents(clock.instant(), java.util.List.of(sev3))); // older: ignored
    assertThat(status(Scope.SERVICE)).isEqualTo("critical");
    caps.on(new OpenIncidents(clock.instant().plusSeconds(5), java.util.List.of()));
    assertThat(status(Scope.SERVICE)).isEqualTo("healthy");
    assertThat(score(Scope.SERVICE).cappedBy()).isNull();
  }

  private HealthScore score(Scope scope) {
    return windows.score(scope, windows.stats(Duration.ofMinutes(1), scope));
  }

  private String status(Scope scope) {
    return score(scope).status();
  }

  @Test
  void findsRecordsPublishedAfterLaterCallsInTheOrderTheirCallsFinished() {
    clock.advance(Duration.ofSeconds(10));
    var scoredLate = Records.call(clock.instant().minusSeconds(8), "/qa", "m", 400);
    var prompt = Records.call(clock.instant().minusSeconds(1), "/qa", "m", 400);
    recent.on(prompt);
    recent.on(scoredLate); // its background score took 7 s

    var window = recent.between(clock.instant().minusSeconds(9), clock.instant());

    assertThat(window).containsExactly(scoredLate, prompt);
    assertThat(recent.between(clock.instant().minusSeconds(5), clock.instant()))
        .containsExactly(prompt);
  }

  @Test
  void holdsEveryCallSinceItStartedUntilItDropsOne() {
    var capped =
        new HealthProperties(
            500, 4000, 0.001, 0.1, 3000, 0.05, Duration.ofMinutes(5), Duration.ofHours(1), 10);
    Instant started = clock.instant();
    var held = new RecentCalls(capped, clock);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(1));
      held.on(Records.call(clock.instant(), "/qa", "m", 100));
    }
    assertThat(held.completeSince()).isEqualTo(started);

    clock.advance(Duration.ofSeconds(1));
    held.on(Records.call(clock.instant(), "/qa", "m", 100)); // the eleventh: the first goes

    assertThat(held.completeSince()).isEqualTo(started.plusSeconds(2));
  }

  @Test
  void aWindowCutShortByTheCapTakesItsRequestRateOverTheCallsItStillHolds() {
    var capped =
        new HealthProperties(
            500, 4000, 0.001, 0.1, 3000, 0.05, Duration.ofMinutes(5), Duration.ofHours(1), 10);
    var held = new RecentCalls(capped, clock);
    var cappedWindows = new HealthWindows(held, new HealthScoreCalculator(capped), caps, clock);
    for (int i = 0; i < 30; i++) { // one call a second; only the last 10 fit
      clock.advance(Duration.ofSeconds(1));
      held.on(Records.call(clock.instant(), "/qa", "m", 100));
    }
    clock.advance(Duration.ofSeconds(1));

    var stats = cappedWindows.stats(Duration.ofMinutes(5), Scope.SERVICE);
    assertThat(stats.requests()).isEqualTo(10);
    assertThat(stats.requestRatePerS()).isEqualTo(1.0); // 10 calls since the oldest held, 10 s ago
    // nothing dropped: the rate is over the whole window, as before
    recent.on(Records.call(clock.instant().minusSeconds(1), "/qa", "m", 100));
    assertThat(windows.stats(Duration.ofMinutes(5), Scope.SERVICE).requestRatePerS())
        .isEqualTo(1 / 300.0);
  }

  @Test
  void forgetsCallsOlderThanTheRetention() {
    recent.on(Records.call(clock.instant(), "/qa", "m", 100));
    clock.advance(Duration.ofHours(2));
    recent.on(Records.call(clock.instant(), "/qa", "m", 100));
    assertThat(recent.between(Instant.EPOCH, clock.instant().plusSeconds(1))).hasSize(1);
  }
}
