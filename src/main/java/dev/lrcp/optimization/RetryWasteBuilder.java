package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Retry and fallback waste: what failed attempts cost. A failed call's whole spend is waste; an
 * answered call that spent more than its answer's tokens cost on the answering model paid for
 * earlier attempts (a fallback, an escalation). Proposed when the waste is at least {@value
 * #MIN_WASTE_SHARE} of the endpoint's spend.
 */
final class RetryWasteBuilder implements RecommendationBuilder {

  static final double MIN_WASTE_SHARE = 0.01;

  @Override
  public Optional<Finding> build(EndpointCalls scope) {
    List<CallRecord> calls = scope.calls();
    if (calls.size() < EndpointCalls.MIN_CALLS) {
      return Optional.empty();
    }
    double[] units = new double[calls.size()];
    int failed = 0;
    for (int i = 0; i < units.length; i++) {
      CallRecord c = calls.get(i);
      var n = c.numbers();
      if (c.failed()) {
        failed++;
        units[i] = n.costUsd();
      } else if (!c.fromCache()) {
        double answer =
            scope.price(c.model(), n.inputTokens(), n.outputTokens(), n.thinkingTokens());
        units[i] = Math.max(0, n.costUsd() - answer);
      }
    }
    double waste = java.util.Arrays.stream(units).sum();
    double cost = scope.cost();
    if (cost <= 0 || waste < MIN_WASTE_SHARE * cost) {
      return Optional.empty();
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("calls", calls.size());
    evidence.put("failed_calls", failed);
    evidence.put("retried_calls", calls.stream().filter(c -> c.numbers().retryCount() > 0).count());
    evidence.put("fallback_calls", calls.stream().filter(c -> c.numbers().fallbackUsed()).count());
    evidence.put("wasted_usd", waste);
    return scope.finding(
        new EndpointCalls.Draft(
            Kind.RETRY_WASTE,
            null,
            "Cut the cost of failed attempts on " + scope.endpoint(),
            String.format(
                Locale.ROOT,
                "%.1f%% of the spend on %s paid for attempts that did not give the answer"
                    + " (failed calls, fallbacks, escalations).",
                100 * waste / cost,
                scope.endpoint()),
            units,
            1,
            evidence,
            null));
  }
}
