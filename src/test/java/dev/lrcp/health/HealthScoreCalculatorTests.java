package dev.lrcp.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class HealthScoreCalculatorTests {

  static final HealthProperties DEFAULTS =
      new HealthProperties(
          500, 4000, 0.001, 0.1, 3000, 0.05, Duration.ofMinutes(5), Duration.ofHours(1), 200_000);

  final HealthScoreCalculator calculator = new HealthScoreCalculator(DEFAULTS);

  static HealthInputs inputs(double latency, double cost) {
    return new HealthInputs(latency, 0, 0, cost, 0.9, 0, 0, 0, 0.2);
  }

  @Test
  void perfectTrafficIsHealthyAndCappedAt100() {
    var score = calculator.score(new HealthInputs(200, 0, 0, 0.0002, 1.0, 0, 0, 0, 2.0));
    assertThat(score.score()).isEqualTo(100.0);
    assertThat(score.status()).isEqualTo("healthy");
    assertThat(score.efficiencyBonus()).isEqualTo(10.0);
  }

  @Test
  void keepsTheOriginalWeights() {
    // every component 50 except quality 0.5 → 50; no bonus
    var in = new HealthInputs(2250, 0.05, 0, 0.01, 0.5, 0.05, 0, 0, 0);
    var score = calculator.score(in);
    assertThat(score.performance()).isEqualTo(50.0);
    assertThat(score.reliability()).isEqualTo(50.0);
    assertThat(score.cost()).isEqualTo(50.0);
    assertThat(score.quality()).isEqualTo(50.0);
    assertThat(score.security()).isEqualTo(50.0);
    assertThat(score.score()).isEqualTo(50.0);
    assertThat(score.status()).isEqualTo("critical");
  }

  @Test
  void hasNoJumpAtTheOriginalsThresholds() {
    // the original scored 1499 ms as 0.12 and 1500 ms as 60, and $0.0999 as 0.07 and $0.1 as 60
    assertThat(calculator.score(inputs(1499, 0.0004)).performance())
        .isCloseTo(calculator.score(inputs(1500, 0.0004)).performance(), within(0.05));
    assertThat(calculator.score(inputs(300, 0.0999)).cost())
        .isCloseTo(calculator.score(inputs(300, 0.1)).cost(), within(0.05));
  }

  @Test
  void sharesTheQualityWeightWhenNoAnswerWasScored() {
    var unmeasured = calculator.score(new HealthInputs(500, 0, 0, 0.0005, null, 0, 0, 0, 0));
    assertThat(unmeasured.quality()).isNull();
    assertThat(unmeasured.score()).isEqualTo(100.0);
  }

  @Test
  void injectionsAndSafetyBlocksLowerSecurity() {
    var clean = calculator.score(new HealthInputs(300, 0, 0, 0.0005, 0.9, 0, 0, 0, 0));
    var attacked = calculator.score(new HealthInputs(300, 0, 0, 0.0005, 0.9, 0.02, 0.1, 0, 0));
    assertThat(clean.security()).isEqualTo(100.0);
    assertThat(attacked.security()).isEqualTo(30.0);
  }

  @Property(tries = 2000)
  void scoreNeverRisesWhenLatencyRises(
      @ForAll @DoubleRange(min = 0, max = 20_000) double latency,
      @ForAll @DoubleRange(min = 0, max = 5_000) double more) {
    assertThat(calculator.score(inputs(latency + more, 0.001)).score())
        .isLessThanOrEqualTo(calculator.score(inputs(latency, 0.001)).score());
  }

  @Property(tries = 2000)
  void scoreNeverRisesWhenCostRises(
      @ForAll @DoubleRange(min = 0, max = 2) double cost,
      @ForAll @DoubleRange(min = 0, max = 1) double more) {
    assertThat(calculator.score(inputs(800, cost + more)).score())
        .isLessThanOrEqualTo(calculator.score(inputs(800, cost)).score());
  }

  @Property(tries = 2000)
  void smallChangesMoveTheScoreALittle(
      @ForAll @DoubleRange(min = 0, max = 10_000) double latency,
      @ForAll @DoubleRange(min = 0.00001, max = 1) @net.jqwik.api.constraints.Scale(6)
          double cost) {
    double a = calculator.score(inputs(latency, cost)).score();
    double b = calculator.score(inputs(latency + 1, cost * 1.001)).score();
    assertThat(Math.abs(a - b)).isLessThan(0.1);
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(v);
  }
}
