package dev.lrcp.anomaly;

import java.util.List;
import java.util.Locale;

/** The one sentence a person reads first: what explains a shift, and where it sits. */
final class ShiftSummary {

  private ShiftSummary() {}

  static String of(
      List<AnomalyAttributor.Group> groups,
      List<Cause> carriers,
      Measure m,
      Shift s,
      String where) {
    if (!groups.isEmpty()) {
      String lead =
          AnomalyAttributor.summary(groups.getFirst(), m, s.valueBefore(), s.valueAfter())
              + " "
              + where;
      return carriers.isEmpty()
          ? lead
          : lead + "; across the service, " + carried(carriers) + " of it";
    }
    if (!carriers.isEmpty()) {
      return carried(carriers)
          + " of the "
          + m.noun()
          + " increase across the service"
          + (where.equals("across the service")
              ? ""
              : "; no narrower slice of the calls " + where + " explains it");
    }
    return String.format(
        Locale.ROOT,
        "the %s %s rose from %s to %s, but no endpoint, model, application or other slice of its"
            + " calls explains it",
        m.noun(),
        where,
        AnomalyAttributor.round(s.valueBefore()),
        AnomalyAttributor.round(s.valueAfter()));
  }

  /** "model x carries 100%", "endpoint /qa and model x carry 100%", "a carries 100% and b 85%". */
  static String carried(List<Cause> carriers) {
    var names = carriers.stream().map(c -> c.dimension() + " " + c.value()).toList();
    if (carriers.stream().mapToDouble(Cause::explanatoryPower).distinct().count() == 1) {
      String verb = carriers.size() == 1 ? " carries " : " carry ";
      return String.join(" and ", names) + verb + percent(carriers.getFirst());
    }
    var parts = new java.util.ArrayList<String>();
    for (int i = 0; i < carriers.size(); i++) {
      parts.add(names.get(i) + (i == 0 ? " carries " : " ") + percent(carriers.get(i)));
    }
    return String.join(" and ", parts);
  }

  private static String percent(Cause c) {
    return Math.round(c.explanatoryPower() * 100) + "%";
  }
}
