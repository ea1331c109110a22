package dev.lrcp.anomaly;

import dev.lrcp.flow.CallRecord;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Adtributor (Bhagwan et al., NSDI 2014) over call records: per dimension, elements are taken in
 * order of surprise while each explains more than {@code elementThreshold} of the change, until the
 * set explains {@code powerThreshold}; dimensions are ranked by the surprise of their set. Ratio
 * measures use the paper's derived-measure explanatory power. A dimension whose set selects exactly
 * the same calls as a better one (provider = the only model of that provider) is the same
 * explanation and is dropped rather than counted as a competitor.
 */
public final class AnomalyAttributor {

  /** Below this Jensen-Shannon divergence a shift of shares is noise, not an explanation. */
  private static final double MIN_SURPRISE = 2e-4;

  private final double elementThreshold;
  private final double powerThreshold;
  private final int maxDimensions;

  public AnomalyAttributor(double elementThreshold, double powerThreshold, int maxDimensions) {
    this.elementThreshold = elementThreshold;
    this.powerThreshold = powerThreshold;
    this.maxDimensions = maxDimensions;
  }

  /** The paper's settings: T_EEP 0.1, T_EP 0.67, top 3 dimensions. */
  public static AnomalyAttributor standard() {
    return new AnomalyAttributor(0.1, 0.67, 3);
  }

  /**
   * @param baselineScale current window length divided by baseline window length, so that the
   *     baseline forecasts the current window's totals
   */
  public Attribution attribute(
      List<CallRecord> baseline, List<CallRecord> current, double baselineScale, Measure m) {
    var all = new ArrayList<CallRecord>(baseline);
    all.addAll(current);
    Double before = value(baseline, m);
    Double now = value(current, m);
    if (baseline.isEmpty() || current.isEmpty() || before == null || now == null) {
      return Attribution.none(m.noun(), before, now, "not enough data to attribute the change");
    }
    var results = new ArrayList<ElementTable.Selection>();
    for (Dimension d : m.dimensions()) {
      var table = ElementTable.of(d, baseline, current, baselineScale, m);
      table.select(elementThreshold, powerThreshold).ifPresent(results::add);
    }
    results.sort(Comparator.comparingDouble(ElementTable.Selection::surprise).reversed());
    var distinct = new ArrayList<ElementTable.Selection>();
    for (var s : results) {
      BitSet members = s.members(all);
      if (distinct.stream().noneMatch(k -> k.members(all).equals(members))) {
        distinct.add(s);
      }
    }
    if (distinct.isEmpty() || distinct.getFirst().surprise() < MIN_SURPRISE) {
      return Attribution.none(m.noun(), before, now, "no dimension value explains the change");
    }
    var top = distinct.getFirst();
    double second = distinct.size() > 1 ? distinct.get(1).surprise() : 0.0;
    double confidence =
        Math.clamp(top.power(), 0.0, 1.0) * top.surprise() / (top.surprise() + second);
    var causes = distinct.stream().limit(maxDimensions).flatMap(s -> s.causes().stream()).toList();
    return new Attribution(
        m.noun(),
        round(before),
        round(now),
        summary(top, m, before, now),
        round(confidence),
        causes);
  }

  /** The measure over a set of calls (ratio of sums), or null when undefined. */
  public static Double value(List<CallRecord> calls, Measure m) {
    double num = 0;
    double den = 0;
    for (var r : calls) {
      num += m.numerator().applyAsDouble(r);
      den += m.additive() ? 0 : m.denominator().applyAsDouble(r);
    }
    if (m.additive()) {
      return num;
    }
    return den == 0 ? null : num / den;
  }

  private static String summary(ElementTable.Selection top, Measure m, double before, double now) {
    String direction = now >= before ? "increase" : "decrease";
    var values = top.causes().stream().map(Cause::value).toList();
    String who = top.dimension().key().replace('_', ' ') + " " + String.join(" and ", values);
    return String.format(
        Locale.ROOT,
        "%s account%s for %d%% of the %s %s",
        who,
        values.size() == 1 ? "s" : "",
        Math.round(Math.clamp(top.power(), 0, 1) * 100),
        m.noun(),
        direction);
  }

  /** Three significant decimals, enough for costs of a fraction of a cent. */
  static double round(double v) {
    return Math.abs(v) >= 1
        ? Math.round(v * 1000.0) / 1000.0
        : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
  }
}
