package dev.lrcp.anomaly;

import dev.lrcp.flow.CallRecord;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Forecast (scaled baseline) and actual sums of a measure per element of one dimension, with the
 * Adtributor explanatory power and surprise of each element.
 */
final class ElementTable {

  /** F1, F2 = forecast numerator and denominator; A1, A2 = actual. */
  private record Sums(double f1, double f2, double a1, double a2) {
    Sums plus(Sums o) {
      return new Sums(f1 + o.f1, f2 + o.f2, a1 + o.a1, a2 + o.a2);
    }
  }

  /** The chosen elements of a dimension. */
  record Selection(Dimension dimension, List<Cause> causes, double power, double surprise) {

    BitSet members(List<CallRecord> calls) {
      Set<String> values = Set.copyOf(causes.stream().map(Cause::value).toList());
      var bits = new BitSet(calls.size());
      for (int i = 0; i < calls.size(); i++) {
        bits.set(i, values.contains(dimension.valueOf(calls.get(i))));
      }
      return bits;
    }
  }

  private final Dimension dimension;
  private final boolean additive;
  private final Map<String, Sums> elements;
  private final Sums total;

  private ElementTable(Dimension dimension, boolean additive, Map<String, Sums> elements) {
    this.dimension = dimension;
    this.additive = additive;
    this.elements = elements;
    this.total = elements.values().stream().reduce(new Sums(0, 0, 0, 0), Sums::plus);
  }

  static ElementTable of(
      Dimension d, List<CallRecord> baseline, List<CallRecord> current, double scale, Measure m) {
    var sums = new LinkedHashMap<String, Sums>();
    for (var r : baseline) {
      sums.merge(d.valueOf(r), new Sums(scale * num(m, r), scale * den(m, r), 0, 0), Sums::plus);
    }
    for (var r : current) {
      sums.merge(d.valueOf(r), new Sums(0, 0, num(m, r), den(m, r)), Sums::plus);
    }
    return new ElementTable(d, m.additive(), sums);
  }

  private static double num(Measure m, CallRecord r) {
    return m.numerator().applyAsDouble(r);
  }

  private static double den(Measure m, CallRecord r) {
    return m.additive() ? 0 : m.denominator().applyAsDouble(r);
  }

  /** Adtributor's candidate set for this dimension, if it reaches the power threshold. */
  Optional<Selection> select(double elementThreshold, double powerThreshold) {
    Map<String, Double> power = explanatoryPower();
    if (power.isEmpty()) {
      return Optional.empty();
    }
    var ranked = new ArrayList<>(elements.keySet());
    Map<String, Double> surprise = new LinkedHashMap<>();
    ranked.forEach(e -> surprise.put(e, surprise(elements.get(e))));
    ranked.sort(Comparator.comparingDouble((String e) -> surprise.get(e)).reversed());
    var causes = new ArrayList<Cause>();
    double sumPower = 0;
    double sumSurprise = 0;
    for (String e : ranked) {
      double ep = power.get(e);
      if (ep > elementThreshold) {
        causes.add(
            new Cause(
                dimension.key(),
                e,
                AnomalyAttributor.round(ep),
                AnomalyAttributor.round(surprise.get(e))));
        sumPower += ep;
        sumSurprise += surprise.get(e);
      }
      if (sumPower >= powerThreshold) {
        // a set holding every element says "everything changed", which explains nothing
        if (causes.size() == elements.size()) {
          return Optional.empty();
        }
        return Optional.of(new Selection(dimension, causes, sumPower, sumSurprise));
      }
    }
    return Optional.empty();
  }

  /** EP per element, normalised to sum to 1; empty when the total did not change. */
  private Map<String, Double> explanatoryPower() {
    var raw = new LinkedHashMap<String, Double>();
    elements.forEach((e, s) -> raw.put(e, additive ? s.a1 - s.f1 : derivedRaw(s)));
    double sum = raw.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum) < 1e-12 || raw.values().stream().anyMatch(v -> !Double.isFinite(v))) {
      return Map.of();
    }
    raw.replaceAll((e, v) -> v / sum);
    return raw;
  }

  /** The paper's EP of an element for a derived measure m1/m2, before normalisation. */
  private double derivedRaw(Sums s) {
    double f1 = total.f1;
    double f2 = total.f2;
    double denominator = f2 * (f2 + s.a2 - s.f2);
    if (denominator == 0) {
      return 0;
    }
    return ((s.a1 - s.f1) * f2 - (s.a2 - s.f2) * f1) / denominator;
  }

  private double surprise(Sums s) {
    double numerator = js(share(s.f1, total.f1), share(s.a1, total.a1));
    return additive ? numerator : numerator + js(share(s.f2, total.f2), share(s.a2, total.a2));
  }

  private static double share(double part, double whole) {
    return whole == 0 ? 0 : part / whole;
  }

  /** Jensen-Shannon term of one element, with 0 log 0 = 0. */
  static double js(double p, double q) {
    double m = (p + q) / 2;
    return 0.5 * (xlog(p, m) + xlog(q, m));
  }

  private static double xlog(double x, double m) {
    return x <= 0 || m <= 0 ? 0 : x * Math.log(x / m);
  }
}
