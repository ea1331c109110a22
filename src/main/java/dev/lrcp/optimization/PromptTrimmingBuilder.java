package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prompt trimming, proposed when at least {@value #MIN_TRIMMABLE_SHARE} of the endpoint's input
 * tokens could go: per call, the larger of its repeated content (sentences the prompt already
 * contained) and its long-context tail (tokens beyond {@value #LONG_CONTEXT_FACTOR} times the
 * endpoint's median prompt). The saving is those tokens at each call's input price.
 */
final class PromptTrimmingBuilder implements RecommendationBuilder {

  static final double MIN_TRIMMABLE_SHARE = 0.10;
  static final int LONG_CONTEXT_FACTOR = 4;

  @Override
  public Optional<Finding> build(EndpointCalls scope) {
    List<CallRecord> calls = scope.answered();
    if (calls.size() < EndpointCalls.MIN_CALLS) {
      return Optional.empty();
    }
    int[] inputs = calls.stream().mapToInt(c -> c.numbers().inputTokens()).toArray();
    int median = EndpointCalls.percentile(inputs, 0.5);
    long threshold = (long) LONG_CONTEXT_FACTOR * median;
    long total = 0;
    long trimmable = 0;
    long repeated = 0;
    int longCalls = 0;
    double[] units = new double[calls.size()];
    for (int i = 0; i < units.length; i++) {
      CallRecord c = calls.get(i);
      var n = c.numbers();
      long dup = c.prompt() == null ? 0 : Math.round(c.prompt().repeatedShare() * n.inputTokens());
      long tail = Math.max(0, n.inputTokens() - threshold);
      longCalls += tail > 0 ? 1 : 0;
      long trim = Math.max(dup, tail);
      total += n.inputTokens();
      repeated += dup;
      trimmable += trim;
      units[i] =
          n.costUsd()
              - scope.price(
                  c.model(), (int) (n.inputTokens() - trim), n.outputTokens(), n.thinkingTokens());
    }
    if (total == 0 || trimmable < MIN_TRIMMABLE_SHARE * total) {
      return Optional.empty();
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("answered_calls", calls.size());
    evidence.put("median_input_tokens", median);
    evidence.put("p95_input_tokens", EndpointCalls.percentile(inputs, 0.95));
    evidence.put("long_context_threshold_tokens", threshold);
    evidence.put("long_context_share", longCalls / (double) calls.size());
    evidence.put("repeated_content_share", repeated / (double) total);
    evidence.put("trimmable_token_share", trimmable / (double) total);
    return scope.finding(
        new EndpointCalls.Draft(
            Kind.PROMPT_TRIMMING,
            null,
            "Trim prompts on " + scope.endpoint(),
            String.format(
                Locale.ROOT,
                "%.0f%% of the input tokens on %s are repeated content or lie beyond %d tokens"
                    + " (%d times the median prompt); prompts without them would cost less.",
                100.0 * trimmable / total,
                scope.endpoint(),
                threshold,
                LONG_CONTEXT_FACTOR),
            units,
            1,
            evidence,
            null));
  }
}
