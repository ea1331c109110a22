package dev.lrcp.routing;

import dev.lrcp.routing.RoutingProperties.Holds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The {@code cheapest-that-holds} choice: the cheapest candidate whose live quality, error rate and
 * p95 latency on the endpoint stay within tolerance of the reference model's, else the reference.
 * Quality is compared with a confidence bound, so a candidate holds only when its scores show it,
 * not when a handful happen to look good. A share of calls explores another candidate so every
 * candidate's statistics stay fresh. Pure: statistics and randomness are given.
 */
final class CheapestThatHolds {

  /**
   * @param model the chosen model
   * @param reason {@code holds}, {@code reference}, {@code insufficient_data} or {@code
   *     exploration}
   */
  record Choice(String model, String reason, String detail) {}

  private final Holds tolerances;
  private final RandomGenerator random;

  CheapestThatHolds(Holds tolerances, RandomGenerator random) {
    this.tolerances = tolerances;
    this.random = random;
  }

  /**
   * @param candidates cheapest first; contains {@code reference}
   * @param stats per model on the call's endpoint; a model missing from it has no calls
   */
  Choice choose(List<String> candidates, String reference, Map<String, ModelStats> stats) {
    Choice choice = pick(candidates, reference, stats);
    if (candidates.size() > 1 && random.nextDouble() < tolerances.exploration()) {
      var others = new ArrayList<>(candidates);
      others.remove(choice.model());
      String explored = others.get(random.nextInt(others.size()));
      return new Choice(
          explored,
          "exploration",
          String.format(
              Locale.ROOT,
              "exploring %s (%.0f%% of calls) instead of %s",
              explored,
              tolerances.exploration() * 100,
              choice.model()));
    }
    return choice;
  }

  private Choice pick(List<String> candidates, String reference, Map<String, ModelStats> stats) {
    ModelStats ref = stats.getOrDefault(reference, ModelStats.NONE);
    if (!ref.enough(tolerances.minSamples())) {
      return new Choice(
          reference,
          "insufficient_data",
          String.format(
              Locale.ROOT,
              "reference %s has %d calls and %d scored answers, %d of each needed to compare",
              reference,
              ref.requests(),
              ref.scored(),
              tolerances.minSamples()));
    }
    var misses = new ArrayList<String>();
    for (String candidate : candidates) {
      if (candidate.equals(reference)) {
        break; // candidates are cheapest first: nothing after the reference is cheaper
      }
      String miss = miss(stats.getOrDefault(candidate, ModelStats.NONE), ref);
      if (miss == null) {
        return new Choice(candidate, "holds", candidate + " holds against " + reference);
      }
      misses.add(candidate + ": " + miss);
    }
    return new Choice(
        reference,
        "reference",
        misses.isEmpty()
            ? reference + " is the cheapest candidate"
            : "nothing cheaper holds (" + String.join("; ", misses) + ")");
  }

  /** Why a candidate does not hold against the reference, or null when it does. */
  String miss(ModelStats c, ModelStats ref) {
    if (!c.enough(tolerances.minSamples())) {
      return String.format(
          Locale.ROOT,
          "%d calls and %d scored answers, %d needed",
          c.requests(),
          c.scored(),
          tolerances.minSamples());
    }
    double difference = c.meanQuality() - ref.meanQuality();
    double lower = difference - ModelStats.Z * Math.sqrt(c.meanVariance() + ref.meanVariance());
    if (lower < -tolerances.qualityTolerance()) {
      return String.format(
          Locale.ROOT,
          "quality %.3f vs %.3f, lower bound of the difference %.3f below -%.3f",
          c.meanQuality(),
          ref.meanQuality(),
          lower,
          tolerances.qualityTolerance());
    }
    if (c.errorRate() > ref.errorRate() + tolerances.errorRateTolerance()) {
      return String.format(Locale.ROOT, "error rate %.3f vs %.3f", c.errorRate(), ref.errorRate());
    }
    if (c.p95LatencyMs() > ref.p95LatencyMs() * (1 + tolerances.latencyTolerance())) {
      return String.format(
          Locale.ROOT, "p95 latency %.0f ms vs %.0f ms", c.p95LatencyMs(), ref.p95LatencyMs());
    }
    return null;
  }
}
