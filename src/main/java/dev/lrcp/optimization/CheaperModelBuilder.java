package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A cheaper model where measured quality holds: on an endpoint, the model that carries most of the
 * spend against every other model measured there with at least {@value #MIN_SCORED} scored answers
 * whose mean quality is within {@value #TOLERANCE} of it (the per-model mean quality of the health
 * windows, over the analysed window). The saving is the current model's calls repriced at the
 * candidate's prices, same tokens; the confidence includes the bootstrap probability that quality
 * holds. The largest saving wins.
 */
final class CheaperModelBuilder implements RecommendationBuilder {

  static final int MIN_SCORED = 20;
  static final double TOLERANCE = 0.03;

  @Override
  public Optional<Finding> build(EndpointCalls scope) {
    Map<String, List<CallRecord>> byModel =
        scope.answered().stream()
            .filter(c -> c.model() != null)
            .collect(Collectors.groupingBy(CallRecord::model));
    Optional<String> current =
        byModel.entrySet().stream()
            .max(Comparator.comparingDouble(e -> cost(e.getValue())))
            .map(Map.Entry::getKey);
    if (current.isEmpty() || byModel.get(current.get()).size() < EndpointCalls.MIN_CALLS) {
      return Optional.empty();
    }
    List<CallRecord> served = byModel.get(current.get());
    double[] reference = quality(served);
    return byModel.entrySet().stream()
        .filter(e -> !e.getKey().equals(current.get()))
        .filter(e -> scope.catalog().find(e.getKey()).isPresent())
        .map(e -> candidate(scope, current.get(), served, reference, e.getKey(), e.getValue()))
        .flatMap(Optional::stream)
        .max(Comparator.comparingDouble(f -> f.monthly().usd()));
  }

  private Optional<Finding> candidate(
      EndpointCalls scope,
      String current,
      List<CallRecord> served,
      double[] reference,
      String model,
      List<CallRecord> measured) {
    double[] candidate = quality(measured);
    if (reference.length < MIN_SCORED || candidate.length < MIN_SCORED) {
      return Optional.empty();
    }
    Bootstrap.Distribution diff = scope.bootstrap().meanDifference(reference, candidate);
    if (diff.point() < -TOLERANCE) {
      return Optional.empty();
    }
    double[] units =
        served.stream()
            .mapToDouble(
                c -> {
                  var n = c.numbers();
                  double there =
                      scope.price(model, n.inputTokens(), n.outputTokens(), n.thinkingTokens());
                  return n.costUsd() - there;
                })
            .toArray();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("current_model", current);
    evidence.put("candidate_model", model);
    evidence.put("current_answers", served.size());
    evidence.put("current_mean_quality", mean(reference));
    evidence.put("candidate_scored_answers", candidate.length);
    evidence.put("candidate_mean_quality", mean(candidate));
    evidence.put("quality_difference_low", diff.low());
    evidence.put("quality_difference_high", diff.high());
    return scope.finding(
        new EndpointCalls.Draft(
            Kind.CHEAPER_MODEL,
            current,
            "Use " + model + " instead of " + current + " on " + scope.endpoint(),
            String.format(
                Locale.ROOT,
                "On %s, %s scored %.3f over %d answers against %.3f for %s; at its prices the"
                    + " same tokens cost less.",
                scope.endpoint(),
                model,
                mean(candidate),
                candidate.length,
                mean(reference),
                current),
            units,
            diff.shareAtLeast(-TOLERANCE),
            evidence,
            new Control(Control.MODEL, scope.endpoint(), model)));
  }

  private static double cost(List<CallRecord> calls) {
    return calls.stream().mapToDouble(c -> c.numbers().costUsd()).sum();
  }

  private static double[] quality(List<CallRecord> calls) {
    return calls.stream()
        .filter(CallRecord::scored)
        .mapToDouble(c -> c.quality().value())
        .toArray();
  }

  private static double mean(double[] values) {
    return java.util.Arrays.stream(values).average().orElse(0);
  }
}
