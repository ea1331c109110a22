package dev.lrcp.incident;

import static java.util.Comparator.comparingDouble;

import dev.lrcp.anomaly.Measure;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.incident.Finding.Measurement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cost spike: cost per call in the current window against the per-minute cost per call of the
 * trailing baseline, as a robust z-score (median and MAD, Iglewicz-Hoaglin). Per call rather than
 * per minute so that more traffic at the same price is not a "spike". The MAD is floored at 5% of
 * the median: a perfectly steady baseline would otherwise turn any cent into an infinite z.
 */
final class CostSpikeDetector {

  private static final double MAD_TO_SIGMA = 1.4826;
  private static final double MAD_FLOOR = 0.05;

  /** The current cost must also be this many times the median: a robust z alone fires on noise. */
  private static final double MIN_RATIO = 1.5;

  /** Minutes of baseline history needed before the rule judges. */
  private static final int MIN_BASELINE_MINUTES = 5;

  private final IncidentProperties properties;

  CostSpikeDetector(IncidentProperties properties) {
    this.properties = properties;
  }

  Optional<Finding> check(Scope scope, List<CallRecord> calls, List<CallRecord> baseline) {
    double threshold = properties.threshold(Rule.COST_SPIKE);
    double[] minutes = perMinuteCostPerCall(baseline);
    if (calls.size() < properties.minRequests() || minutes.length < MIN_BASELINE_MINUTES) {
      return Optional.empty();
    }
    double current = calls.stream().mapToDouble(c -> c.numbers().costUsd()).average().orElse(0);
    double median = median(minutes);
    double[] deviations = java.util.Arrays.stream(minutes).map(v -> Math.abs(v - median)).toArray();
    double mad = Math.max(median(deviations), MAD_FLOOR * median);
    if (mad <= 0) {
      return Optional.empty();
    }
    double z = (current - median) / (MAD_TO_SIGMA * mad);
    double ratio = median > 0 ? current / median : Double.POSITIVE_INFINITY;
    if (z <= threshold || ratio < MIN_RATIO) {
      return Optional.empty();
    }
    var severity = ratio >= 3 ? Severity.SEV_2 : Severity.SEV_3;
    String title =
        String.format(
            Locale.US,
            "cost per call %s is $%.5f, %.1fx the trailing median $%.5f (robust z %.1f, threshold %.1f)",
            scope.phrase(),
            current,
            ratio,
            median,
            z,
            threshold);
    var m = new Measurement("llm.cost.usd", "robust_z", z, threshold, "z", calls.size(), median);
    var samples =
        calls.stream()
            .sorted(comparingDouble((CallRecord c) -> c.numbers().costUsd()).reversed())
            .limit(properties.samples())
            .toList();
    return Optional.of(
        new Finding(
            Rule.COST_SPIKE, scope, severity, title, z / threshold, m, Measure.COST, samples));
  }

  private static double[] perMinuteCostPerCall(List<CallRecord> baseline) {
    var byMinute =
        baseline.stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.at().getEpochSecond() / 60,
                    TreeMap::new,
                    Collectors.averagingDouble(c -> c.numbers().costUsd())));
    return byMinute.values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double median(double[] values) {
    double[] s = values.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
