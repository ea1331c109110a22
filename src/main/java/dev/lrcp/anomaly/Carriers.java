package dev.lrcp.anomaly;

import dev.lrcp.flow.CallRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Which single endpoint, model or application carries a shift. The change of the measure is split
 * into each value's own change weighted by its share of the calls after the shift (the rate part of
 * a shift-share decomposition: calls that merely moved from one value to another carry nothing, and
 * a value with no calls before is measured against the whole before). A value carries the shift
 * when its part is at least {@value #SHARE} of the whole, whether or not its share of calls moved.
 */
final class Carriers {

  static final double SHARE = 0.8;
  private static final List<Dimension> DIMENSIONS =
      List.of(Dimension.ENDPOINT, Dimension.MODEL, Dimension.APPLICATION);

  private record Sums(double beforeNum, double beforeDen, double afterNum, double afterDen) {
    Sums plus(Sums o) {
      return new Sums(
          beforeNum + o.beforeNum,
          beforeDen + o.beforeDen,
          afterNum + o.afterNum,
          afterDen + o.afterDen);
    }
  }

  private Carriers() {}

  /** The carriers, their share as explanatory power and no surprise of their own. */
  static List<Cause> of(List<CallRecord> before, List<CallRecord> after, Measure m) {
    Double overallBefore = AnomalyAttributor.value(before, m);
    var carriers = new ArrayList<Cause>();
    if (overallBefore == null || m.additive()) {
      return carriers;
    }
    for (Dimension d : DIMENSIONS) {
      var sums = new LinkedHashMap<String, Sums>();
      before.forEach(
          c -> sums.merge(d.valueOf(c), new Sums(num(m, c), den(m, c), 0, 0), Sums::plus));
      after.forEach(
          c -> sums.merge(d.valueOf(c), new Sums(0, 0, num(m, c), den(m, c)), Sums::plus));
      double afterDen = sums.values().stream().mapToDouble(Sums::afterDen).sum();
      var parts = new LinkedHashMap<String, Double>();
      sums.forEach(
          (value, s) -> {
            if (s.afterDen > 0) {
              double was = s.beforeDen > 0 ? s.beforeNum / s.beforeDen : overallBefore;
              parts.put(value, s.afterDen / afterDen * (s.afterNum / s.afterDen - was));
            }
          });
      double total = parts.values().stream().mapToDouble(Double::doubleValue).sum();
      if (total <= 0) {
        continue;
      }
      parts.forEach(
          (value, part) -> {
            if (part / total >= SHARE && !"unknown".equals(value)) {
              carriers.add(
                  new Cause(d.key(), value, AnomalyAttributor.round(Math.min(1, part / total)), 0));
            }
          });
    }
    return carriers;
  }

  private static double num(Measure m, CallRecord c) {
    return m.numerator().applyAsDouble(c);
  }

  private static double den(Measure m, CallRecord c) {
    return m.denominator().applyAsDouble(c);
  }
}
