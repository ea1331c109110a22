package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.routing.CheapestThatHolds.Choice;
import dev.lrcp.routing.RoutingProperties.Holds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The choice over hand-made statistics: which candidate holds against the reference, and why. */
class CheapestThatHoldsTests {

  static final Holds TOLERANCES = new Holds(Duration.ofMinutes(15), 30, 0.05, 0.02, 0.25, 0.0);
  static final List<String> CANDIDATES = List.of("lite", "flash", "pro");
  static final RandomGenerator NEVER = () -> Long.MAX_VALUE;

  final CheapestThatHolds holds = new CheapestThatHolds(TOLERANCES, NEVER);

  /** Stats of a model with n calls, all scored. */
  static ModelStats stats(int n, double quality, double sd, double errorRate, double p95) {
    return new ModelStats(n, n, quality, sd, errorRate, p95, 0.001);
  }

  static final ModelStats PRO = stats(400, 0.85, 0.15, 0.01, 2000);

  @Test
  void picksTheCheapestCandidateWhoseQualityErrorsAndLatencyHold() {
    Choice choice =
        holds.choose(
            CANDIDATES,
            "pro",
            Map.of(
                "lite", stats(400, 0.70, 0.20, 0.01, 500),
                "flash", stats(400, 0.84, 0.15, 0.01, 900),
                "pro", PRO));

    assertThat(choice.model()).isEqualTo("flash");
    assertThat(choice.reason()).isEqualTo("holds");
  }

  @Test
  void aCloseMeanOverTooFewScoresDoesNotHoldBecauseItsBoundIsWide() {
    // flash's mean is only 0.01 below pro's, but 40 scores with sd 0.3 leave a wide interval
    Choice choice =
        holds.choose(
            CANDIDATES, "pro", Map.of("flash", stats(40, 0.84, 0.30, 0.0, 900), "pro", PRO));

    assertThat(choice.model()).isEqualTo("pro");
    assertThat(choice.reason()).isEqualTo("reference");
    assertThat(choice.detail())
        .contains("lite: 0 calls and 0 scored answers, 30 needed")
        .contains("flash: quality 0.840 vs 0.850, lower bound of the difference");
  }

  @Test
  void aCandidateWithMoreErrorsOrASlowerTailDoesNotHold() {
    Choice errors =
        holds.choose(
            CANDIDATES,
            "pro",
            Map.of(
                "lite", stats(400, 0.86, 0.1, 0.05, 500),
                "flash", stats(400, 0.86, 0.1, 0.01, 2600),
                "pro", PRO));

    assertThat(errors.model()).isEqualTo("pro");
    assertThat(errors.detail())
        .contains("lite: error rate 0.050 vs 0.010")
        .contains("flash: p95 latency 2600 ms vs 2000 ms");
  }

  @Test
  void withoutEnoughReferenceDataTheReferenceAnswers() {
    Choice choice =
        holds.choose(
            CANDIDATES,
            "pro",
            Map.of("flash", stats(400, 0.9, 0.1, 0, 500), "pro", stats(10, 0.85, 0.1, 0, 2000)));

    assertThat(choice.model()).isEqualTo("pro");
    assertThat(choice.reason()).isEqualTo("insufficient_data");
  }

  @Test
  void aShareOfCallsExploresAnotherCandidateDeterministicallyUnderTheGivenGenerator() {
    var exploring =
        new CheapestThatHolds(
            new Holds(Duration.ofMinutes(15), 30, 0.05, 0.02, 0.25, 0.1), new SplittableRandom(7));
    Map<String, ModelStats> stats = Map.of("flash", stats(400, 0.85, 0.15, 0.01, 900), "pro", PRO);

    var first =
        java.util.stream.Stream.generate(() -> exploring.choose(CANDIDATES, "pro", stats))
            .limit(1000)
            .toList();
    var again =
        new CheapestThatHolds(
            new Holds(Duration.ofMinutes(15), 30, 0.05, 0.02, 0.25, 0.1), new SplittableRandom(7));
    var second =
        java.util.stream.Stream.generate(() -> again.choose(CANDIDATES, "pro", stats))
            .limit(1000)
            .toList();

    assertThat(second).isEqualTo(first);
    long explored = first.stream().filter(c -> c.reason().equals("exploration")).count();
    assertThat(explored).isBetween(70L, 130L);
    assertThat(first.stream().filter(c -> c.reason().equals("exploration")).map(Choice::model))
        .containsOnly("lite", "pro")
        .contains("lite", "pro");
    assertThat(first.stream().filter(c -> c.reason().equals("holds")).map(Choice::model))
        .containsOnly("flash");
  }
}
