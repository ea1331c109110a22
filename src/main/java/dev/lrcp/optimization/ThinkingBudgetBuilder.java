package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A thinking budget at the endpoint's median thinking tokens, proposed when thinking is at least
 * {@value #MIN_THINKING_SHARE} of the billed output and the answers that thought less score no
 * worse (within {@value #TOLERANCE}) than those that thought more. The saving is the thinking
 * tokens above the budget (as the flow applies it: within what each model accepts) at the output
 * price; the confidence includes the bootstrap probability that quality holds. Implementing it sets
 * the endpoint's thinking budget.
 */
final class ThinkingBudgetBuilder implements RecommendationBuilder {

  static final double MIN_THINKING_SHARE = 0.20;
  static final double TOLERANCE = 0.03;
  static final int MIN_SCORED = 10;

  @Override
  public Optional<Finding> build(EndpointCalls scope) {
    List<CallRecord> calls =
        scope.answered().stream().filter(c -> c.numbers().thinkingTokens() > 0).toList();
    if (calls.size() < EndpointCalls.MIN_CALLS) {
      return Optional.empty();
    }
    long thinking = calls.stream().mapToLong(c -> c.numbers().thinkingTokens()).sum();
    long billed = calls.stream().mapToLong(c -> c.numbers().billableOutputTokens()).sum();
    if (thinking < MIN_THINKING_SHARE * billed) {
      return Optional.empty();
    }
    int budget =
        EndpointCalls.percentile(
            calls.stream().mapToInt(c -> c.numbers().thinkingTokens()).toArray(), 0.5);
    double[] less = quality(calls, c -> c.numbers().thinkingTokens() <= budget);
    double[] more = quality(calls, c -> c.numbers().thinkingTokens() > budget);
    if (less.length < MIN_SCORED || more.length < MIN_SCORED) {
      return Optional.empty();
    }
    Bootstrap.Distribution diff = scope.bootstrap().meanDifference(more, less);
    if (diff.point() < -TOLERANCE) {
      return Optional.empty();
    }
    double[] units =
        calls.stream()
            .mapToDouble(
                c -> {
                  var n = c.numbers();
                  int kept = Math.min(allowed(scope, c.model(), budget), n.thinkingTokens());
                  return n.costUsd()
                      - scope.price(c.model(), n.inputTokens(), n.outputTokens(), kept);
                })
            .toArray();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("thinking_calls", calls.size());
    evidence.put("thinking_share_of_output", thinking / (double) billed);
    evidence.put("proposed_budget_tokens", budget);
    evidence.put("quality_difference", diff.point());
    evidence.put("quality_difference_low", diff.low());
    evidence.put("quality_difference_high", diff.high());
    return scope.finding(
        new EndpointCalls.Draft(
            Kind.THINKING_BUDGET,
            null,
            "Limit thinking on " + scope.endpoint() + " to " + budget + " tokens",
            String.format(
                Locale.ROOT,
                "Thinking is %.0f%% of the billed output on %s, and answers that thought at most"
                    + " %d tokens score %+.3f against those that thought more.",
                100.0 * thinking / billed,
                scope.endpoint(),
                budget,
                diff.point()),
            units,
            diff.shareAtLeast(-TOLERANCE),
            evidence,
            new Control(Control.THINKING_BUDGET, scope.endpoint(), Integer.toString(budget))));
  }

  /** What the budget becomes on {@code model}: the flow keeps it within what the model accepts. */
  private static int allowed(EndpointCalls scope, String model, int budget) {
    return scope
        .catalog()
        .find(model)
        .map(ModelSpec::thinking)
        .map(t -> t.clamp(budget))
        .orElse(budget);
  }

  private static double[] quality(
      List<CallRecord> calls, java.util.function.Predicate<CallRecord> which) {
    return calls.stream()
        .filter(which)
        .filter(CallRecord::scored)
        .mapToDouble(c -> c.quality().value())
        .toArray();
  }
}
