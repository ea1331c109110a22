package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * A {@code max_tokens} cap at the endpoint's 95th percentile of answer length, proposed when the
 * longest answers run well past it: the tokens above the cap are at least {@value #MIN_TAIL_SHARE}
 * of the endpoint's output tokens. The saving is those tokens at each call's output price.
 */
final class OutputCapBuilder implements RecommendationBuilder {

  static final double MIN_TAIL_SHARE = 0.05;
  private static final int STEP = 16;

  @Override
  public Optional<Finding> build(EndpointCalls scope) {
    List<CallRecord> calls = scope.answered();
    if (calls.size() < EndpointCalls.MIN_CALLS) {
      return Optional.empty();
    }
    int[] outputs = calls.stream().mapToInt(c -> c.numbers().outputTokens()).toArray();
    int p95 = EndpointCalls.percentile(outputs, 0.95);
    int cap = Math.max(STEP * 4, (p95 + STEP - 1) / STEP * STEP);
    long total = 0;
    long tail = 0;
    long cut = 0;
    double[] units = new double[calls.size()];
    for (int i = 0; i < units.length; i++) {
      var n = calls.get(i).numbers();
      total += n.outputTokens();
      if (n.outputTokens() > cap) {
        tail += n.outputTokens() - cap;
        cut++;
        units[i] =
            n.costUsd()
                - scope.price(calls.get(i).model(), n.inputTokens(), cap, n.thinkingTokens());
      }
    }
    if (total == 0 || tail < MIN_TAIL_SHARE * total) {
      return Optional.empty();
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("answered_calls", calls.size());
    evidence.put("p50_output_tokens", EndpointCalls.percentile(outputs, 0.5));
    evidence.put("p95_output_tokens", p95);
    evidence.put("max_output_tokens", EndpointCalls.percentile(outputs, 1.0));
    evidence.put("proposed_max_tokens", cap);
    evidence.put("answers_cut_share", cut / (double) calls.size());
    evidence.put("tail_token_share", tail / (double) total);
    return scope.finding(
        new EndpointCalls.Draft(
            Kind.OUTPUT_CAP,
            null,
            "Cap answers on " + scope.endpoint() + " at " + cap + " tokens",
            String.format(
                java.util.Locale.ROOT,
                "%.0f%% of the output tokens on %s lie beyond the 95th percentile of answer"
                    + " length (%d tokens); a max_tokens cap of %d would cut %.1f%% of answers.",
                100.0 * tail / total,
                scope.endpoint(),
                p95,
                cap,
                100.0 * cut / calls.size()),
            units,
            1,
            evidence,
            new Control(Control.MAX_TOKENS, scope.endpoint(), Integer.toString(cap))));
  }
}
