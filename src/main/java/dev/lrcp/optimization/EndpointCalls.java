package dev.lrcp.optimization;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a builder looks at: one endpoint's calls that reached a model in the analysed window, how to
 * price tokens, and how to turn per-unit savings into a {@link Finding}.
 *
 * @param monthlyFactor 30 days over the observed span of the window's calls
 */
record EndpointCalls(
    String endpoint,
    List<CallRecord> calls,
    double monthlyFactor,
    ModelCatalog catalog,
    Bootstrap bootstrap) {

  /** Fewer calls than this in a scope say nothing reliable: builders stay silent. */
  static final int MIN_CALLS = 30;

  /** The calls that were answered by a model (not from the cache). */
  List<CallRecord> answered() {
    return calls.stream()
        .filter(c -> c.outcome() == CallRecord.Outcome.SUCCESS && !c.fromCache())
        .toList();
  }

  /** Nearest-rank percentile of {@code values} (sorted here); 0 when empty. */
  static int percentile(int[] values, double q) {
    if (values.length == 0) {
      return 0;
    }
    int[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  double cost() {
    return calls.stream().mapToDouble(c -> c.numbers().costUsd()).sum();
  }

  /** What {@code call}'s tokens would cost on {@code model}: same tokens, that model's price. */
  double price(String model, int input, int output, int thinking) {
    return catalog.cost(model, new TokenUsage(input, output, thinking));
  }

  /**
   * The finding for a draft, or empty when it saves nothing. The confidence is the share of
   * bootstrap resamples whose saving is at least half the point estimate (how stable the estimate
   * is), times the draft's own probability that quality holds.
   */
  Optional<Finding> finding(Draft draft) {
    Bootstrap.Distribution saving = bootstrap.sum(draft.units());
    if (!(saving.point() > 0)) {
      return Optional.empty();
    }
    double cost = cost();
    Bootstrap.Distribution monthly = saving.scaled(monthlyFactor);
    double confidence = saving.shareAtLeast(saving.point() / 2) * draft.qualityHolds();
    return Optional.of(
        new Finding(
            draft.kind(),
            endpoint,
            draft.model(),
            draft.title(),
            draft.description(),
            new Estimate(monthly.point(), monthly.low(), monthly.high()),
            saving.point() / calls.size(),
            cost > 0 ? 100 * saving.point() / cost : 0,
            confidence,
            draft.evidence(),
            draft.control()));
  }

  /**
   * A finding before its numbers are computed.
   *
   * @param units USD saved per unit (a call, or a group of calls) over the window
   * @param qualityHolds probability 0..1 that quality is kept; 1 when quality is not at stake
   */
  record Draft(
      Kind kind,
      String model,
      String title,
      String description,
      double[] units,
      double qualityHolds,
      Map<String, Object> evidence,
      Control control) {}
}
