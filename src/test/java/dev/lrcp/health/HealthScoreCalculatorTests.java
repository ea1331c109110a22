package dev.lrcp.health;

import static dev.lrcp.testing.RandomCases.between;
import static dev.lrcp.testing.RandomCases.cases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.testing.RandomCases.Case;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HealthScoreCalculatorTests {

  static final HealthProperties DEFAULTS =
      new HealthProperties(
          500, 4000, 0.001, 0.1, 3000, 0.05, Duration.ofMinutes(5), Duration.ofHours(1), 200_000);

  final HealthScoreCalculator calculator = new HealthScoreCalculator(DEFAULTS);

  static HealthInputs inputs(double latency, double cost) {
    return new HealthInputs(latency, 0.0, 0, 0, cost, 0.9, 0, 0, 0, 0.2);
  }

  @Test
  void perfectTrafficIsHealthyAndCappedAt100() {
    var score = calculator.score(new HealthInputs(200, 0.0, 0, 0, 0.0002, 1.0, 0, 0, 0, 2.0));
    assertThat(score.score()).isEqualTo(100.0);
    assertThat(score.status()).isEqualTo("healthy");
    assertThat(score.efficiencyBonus()).isEqualTo(10.0);
  }

  @Test
  void weighsTheSloComponentAtAFifthTakenFromPerformanceAndReliability() {
    // performance 50, reliability 75, cost 50, quality 50, security 50, both burns 0.5 → slo 50
    var in = new HealthInputs(2250, 0.025, 0.025, 0, 0.01, 0.5, 0.05, 0, 0, 0);
    var score = calculator.score(in);
    assertThat(score.components())
        .containsEntry("performance", 50.0)
        .containsEntry("reliability", 75.0)
        .containsEntry("cost", 50.0)
        .containsEntry("quality", 50.0)
        .containsEntry("security", 50.0)
        .containsEntry("slo", 50.0);
    assertThat(score.sloBurn()).isEqualTo(new SloBurn(0.5, 0.5));
    // 0.15·50 + 0.15·75 + 0.20·50 + 0.20·50 + 0.10·50 + 0.20·50
    assertThat(score.score()).isEqualTo(53.75);
    assertThat(score.status()).isEqualTo("critical");
  }

  @Test
  void aBreachedLatencySloIsNoSmallDent() {
    // p95 3,712 ms against a 3,000 ms objective with everything else perfect and the full bonus:
    // the original weights scored this 82 ("healthy")
    var breached = calculator.score(new HealthInputs(3712, 0.2, 0, 0, 0.0005, 0.9, 0, 0, 0, 2));
    var unburnt = calculator.score(new HealthInputs(3712, 0.0, 0, 0, 0.0005, 0.9, 0, 0, 0, 2));

    assertThat(breached.sloBurn().latency()).isEqualTo(4.0);
    assertThat(breached.slo()).isZero();
    assertThat(breached.status()).isEqualTo("degraded");
    assertThat(unburnt.score() - breached.score()).isEqualTo(20.0);
  }

  @Test
  void anErrorRateAtTheObjectiveSpendsTheWholeAvailabilityBudget() {
    var score = calculator.score(new HealthInputs(300, 0.0, 0.05, 0, 0.0005, 0.9, 0, 0, 0, 0));
    assertThat(score.sloBurn().availability()).isEqualTo(1.0);
    assertThat(score.slo()).isZero();
  }

  @Test
  void suppliedAggregatesWithoutALatencyDistributionBurnOnlyAvailability() {
    var score = calculator.score(new HealthInputs(9000, null, 0.01, 0, 0.0005, 0.9, 0, 0, 0, 0));
    assertThat(score.sloBurn().latency()).isNull();
    assertThat(score.slo()).isEqualTo(80.0);
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
    var unmeasured = calculator.score(new HealthInputs(500, 0.0, 0, 0, 0.0005, null, 0, 0, 0, 0));
    assertThat(unmeasured.quality()).isNull();
    assertThat(unmeasured.score()).isEqualTo(100.0);
  }

  @Test
  void injectionsAndSafetyBlocksLowerSecurity() {
    var clean = calculator.score(new HealthInputs(300, 0.0, 0, 0, 0.0005, 0.9, 0, 0, 0, 0));
    var attacked = calculator.score(new HealthInputs(300, 0.0, 0, 0, 0.0005, 0.9, 0.02, 0.1, 0, 0));
    assertThat(clean.security()).isEqualTo(100.0);
    assertThat(attacked.security()).isEqualTo(30.0);
  }

  /** A value and an increase of it. */
  record Rise(double from, double by) {}

  record Point(double latency, double cost) {}

  static Stream<Case<Rise>> latencyRises() {
    return cases(2000, r -> new Rise(between(r, 0, 20_000), between(r, 0, 5_000)));
  }

  static Stream<Case<Rise>> costRises() {
    return cases(2000, r -> new Rise(between(r, 0, 2), between(r, 0, 1)));
  }

  static Stream<Case<Point>> points() {
    return cases(2000, r -> new Point(between(r, 0, 10_000), between(r, 0.00001, 1)));
  }

  @ParameterizedTest
  @MethodSource("latencyRises")
  void scoreNeverRisesWhenLatencyRises(Case<Rise> c) {
    Rise latency = c.value();
    assertThat(calculator.score(inputs(latency.from() + latency.by(), 0.001)).score())
        .as("%s: %s", c, latency)
        .isLessThanOrEqualTo(calculator.score(inputs(latency.from(), 0.001)).score());
  }

  @ParameterizedTest
  @MethodSource("costRises")
  void scoreNeverRisesWhenCostRises(Case<Rise> c) {
    Rise cost = c.value();
    assertThat(calculator.score(inputs(800, cost.from() + cost.by())).score())
        .as("%s: %s", c, cost)
        .isLessThanOrEqualTo(calculator.score(inputs(800, cost.from())).score());
  }

  @ParameterizedTest
  @MethodSource("points")
  void smallChangesMoveTheScoreALittle(Case<Point> c) {
    Point p = c.value();
    double a = calculator.score(inputs(p.latency(), p.cost())).score();
    double b = calculator.score(inputs(p.latency() + 1, p.cost() * 1.001)).score();
    assertThat(Math.abs(a - b)).as("%s: %s", c, p).isLessThan(0.1);
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(v);
  }
}
