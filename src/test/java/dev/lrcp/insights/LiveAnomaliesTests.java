package dev.lrcp.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import dev.lrcp.health.HealthProperties;
import dev.lrcp.health.MutableClock;
import dev.lrcp.health.RecentCalls;
import dev.lrcp.health.RecentCallsFeed;
import dev.lrcp.llm.LlmFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The live detector on random but steady traffic (no story should be told, and each one told is a
 * false alarm), and on the same traffic with one model slowed down.
 */
class LiveAnomaliesTests {

  static final HealthProperties HEALTH =
      new Binder(new MapConfigurationPropertySource(Map.of()))
          .bindOrCreate("lrcp.health", HealthProperties.class);
  static final String PRO = "gemini-2.5-pro";
  static final String FLASH = "gemini-2.5-flash";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
  final RecentCalls recent = new RecentCalls(HEALTH, clock);
  final LiveAnomalies anomalies = new LiveAnomalies(recent, HEALTH, clock);

  /**
   * About two calls a second over /qa and /reason on both models: Poisson arrivals, log-normal
   * latency (Pro about 1.2 s, Flash 0.5 s, times {@code proSlowdown} for Pro), 1 % errors, noisy
   * token counts and grounding.
   */
  void traffic(SplittableRandom random, Duration duration, double proSlowdown) {
    Instant end = clock.instant().plus(duration);
    while (true) {
      long gapMs = Math.round(-Math.log(1 - random.nextDouble()) * 500);
      clock.advance(Duration.ofMillis(gapMs));
      if (!clock.instant().isBefore(end)) {
        return;
      }
      boolean pro = random.nextBoolean();
      String endpoint = random.nextBoolean() ? "/qa" : "/reason";
      double latency = (pro ? 1200 * proSlowdown : 500) * Math.exp(0.3 * random.nextGaussian());
      LlmFailure failure = random.nextDouble() < 0.01 ? LlmFailure.UPSTREAM_ERROR : null;
      CallRecord call =
          Records.call(clock.instant(), endpoint, pro ? PRO : FLASH, Math.round(latency), failure);
      int in = 300 + random.nextInt(300);
      call =
          Records.withNumbers(
              call,
              new CallRecord.Numbers(
                  call.numbers().latencyMs(),
                  call.numbers().ttftMs(),
                  failure == null ? in : 0,
                  failure == null ? 80 + random.nextInt(60) : 0,
                  0,
                  failure == null ? in * 1e-6 : 0,
                  0,
                  false));
      if (failure == null) {
        double g = Math.min(1, Math.max(0, 0.8 + 0.1 * random.nextGaussian()));
        call = Records.scored(call, g, g < 0.5);
      }
      RecentCallsFeed.add(recent, call);
    }
  }

  @Test
  void steadyRandomTrafficTellsAtMostAStoryAnHour() {
    var random = new SplittableRandom(7);
    traffic(random, Duration.ofMinutes(25), 1);
    Set<String> told = new HashSet<>();
    int reads = 0;
    for (int minute = 0; minute < 120; minute++) {
      traffic(random, Duration.ofMinutes(1), 1);
      anomalies
          .read()
          .stories()
          .forEach(s -> told.add(s.scope() + " " + s.measure() + " " + s.at()));
      reads++;
    }

    System.out.printf(
        "false stories over %d minutes of steady traffic: %d %s%n", reads, told.size(), told);
    assertThat(told.size()).as("false stories in two hours").isLessThanOrEqualTo(2);
  }

  @Test
  void aSlowerModelIsToldAsOneLatencyStoryNamingIt() {
    var random = new SplittableRandom(8);
    traffic(random, Duration.ofMinutes(25), 1);
    traffic(random, Duration.ofMinutes(2), 4);

    var latency =
        anomalies.read().stories().stream().filter(s -> s.measure().equals("p95 latency")).toList();

    assertThat(latency)
        .singleElement()
        .satisfies(s -> assertThat(s.scope()).isEqualTo("model:" + PRO));
  }
}
