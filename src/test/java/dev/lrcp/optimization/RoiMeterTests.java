package dev.lrcp.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoiMeterTests {

  private static final String FLASH = "gemini-2.5-flash";
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Instant AT = Usage.T0.plus(HOUR);

  private final RoiMeter meter = new RoiMeter(new SplittableRandom(3));

  @Test
  void aCheaperAfterWindowShowsASavingWithAnInterval() {
    var before = calls(Usage.T0, 60, i -> Usage.of("/qa", FLASH, 300, 300 + i % 7));
    var after = calls(AT, 60, i -> Usage.of("/qa", FLASH, 300, 100 + i % 7));

    Roi roi = meter.measure(implemented("/qa"), HOUR, before, after);

    assertThat(roi.reason()).isNull();
    assertThat(roi.window()).isEqualTo("1h");
    assertThat(roi.costPerRequestChange().usd()).isNegative();
    assertThat(roi.costPerRequestChange().highUsd()).isNegative();
    assertThat(roi.costChangePercentage()).isBetween(-70.0, -30.0);
    assertThat(roi.realisedMonthly().usd()).isPositive();
    assertThat(roi.realisedMonthly().lowUsd())
        .isLessThanOrEqualTo(roi.realisedMonthly().usd())
        .isPositive();
    assertThat(roi.savingProbability()).isEqualTo(1.0);
  }

  @Test
  void onlyTheRecommendationsEndpointIsMeasured() {
    var before =
        calls(Usage.T0, 30, i -> Usage.of(i % 2 == 0 ? "/qa" : "/reason", FLASH, 300, 300));
    var after = calls(AT, 30, i -> Usage.of("/reason", FLASH, 300, 300));

    Roi roi = meter.measure(implemented("/qa"), HOUR, before, after);

    assertThat(roi.before().requests()).isEqualTo(15);
    assertThat(roi.after().requests()).isZero();
  }

  @Test
  void tooLittleTrafficGivesNullsAndSaysSo() {
    var before = calls(Usage.T0, 60, i -> Usage.of("/qa", FLASH, 300, 300));
    var after = calls(AT, 5, i -> Usage.of("/qa", FLASH, 300, 100));

    Roi roi = meter.measure(implemented("/qa"), HOUR, before, after);

    assertThat(roi.costPerRequestChange()).isNull();
    assertThat(roi.realisedMonthly()).isNull();
    assertThat(roi.reason()).contains("too little traffic").contains("60 calls before and 5 after");
  }

  @Test
  void noBaselineCallsGiveNullsAndSaySo() {
    var after = calls(AT, 60, i -> Usage.of("/qa", FLASH, 300, 100));

    Roi roi = meter.measure(implemented("/qa"), HOUR, List.of(), after);

    assertThat(roi.realisedMonthly()).isNull();
    assertThat(roi.reason()).contains("no calls in the baseline window");
  }

  @Test
  void aZeroBaselineCostGivesNoPercentageNeverInfinity() {
    var before = calls(Usage.T0, 30, i -> Usage.of("/qa", "unpriced-model", 300, 100));
    var after = calls(AT, 30, i -> Usage.of("/qa", FLASH, 300, 100));

    Roi roi = meter.measure(implemented("/qa"), HOUR, before, after);

    assertThat(roi.costChangePercentage()).isNull();
    assertThat(roi.reason()).contains("baseline cost per request is zero");
    assertThat(roi.realisedMonthly().usd()).isNegative().isFinite();
  }

  @Test
  void anImplementationSecondsOldIsNotMeasuredYet() {
    Roi roi = meter.measure(implemented("/qa"), Duration.ofSeconds(10), List.of(), List.of());

    assertThat(roi.reason()).isEqualTo(RoiMeter.TOO_SOON);
  }

  @Test
  void theWindowsAreAsLongAsTheTimeSinceImplementationAtMostThePeriod() {
    assertThat(RoiMeter.window(AT, AT.plus(HOUR), Duration.ofDays(7))).isEqualTo(HOUR);
    assertThat(RoiMeter.window(AT, AT.plus(Duration.ofDays(30)), Duration.ofDays(7)))
        .isEqualTo(Duration.ofDays(7));
  }

  private static Recommendation implemented(String endpoint) {
    return new Recommendation(
        "opt-1",
        "Cap answers",
        "output_cap",
        "d",
        Recommendation.IMPLEMENTED,
        "high",
        0,
        0,
        0,
        Usage.T0,
        AT,
        Recommendation.GENERATED,
        endpoint,
        null,
        null,
        null,
        Map.of(),
        null,
        Usage.T0,
        "test",
        null);
  }

  private static List<CallRecord> calls(
      Instant from, int n, java.util.function.IntFunction<Usage> usage) {
    var calls = new ArrayList<CallRecord>();
    long offset = Duration.between(Usage.T0, from).toSeconds();
    for (int i = 0; i < n; i++) {
      calls.add(usage.apply(i).at((int) offset + i));
    }
    return calls;
  }
}
