package dev.lrcp.anomaly;

import dev.lrcp.flow.CallRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Explains a scope's change against the scope's own past: where its measure shifted up in the
 * recent history ({@link ShiftFinder}), which slices of its calls since then explain the shift
 * (Adtributor over every dimension), and which single endpoint, model or application carries it
 * across the service ({@link Carriers}). A scope without {@code minSide} calls of its own before
 * the service's shift (an endpoint that just started receiving traffic) is compared within the
 * service instead, where its arrival is the change.
 */
public final class ShiftAttributor {

  static final String SERVICE = "service";

  private final AnomalyAttributor attributor;
  private final int minSide;

  public ShiftAttributor(AnomalyAttributor attributor, int minSide) {
    this.attributor = attributor;
    this.minSide = minSide;
  }

  /** Adtributor's settings, and five calls on each side of a change. */
  public static ShiftAttributor standard() {
    return new ShiftAttributor(AnomalyAttributor.standard(), 5);
  }

  /**
   * @param history the service's calls of the look-back, oldest first
   * @param inScope which of them belong to the scope
   * @param where the scope as a phrase: "on /reason", "across the service"
   */
  public Attribution attribute(
      List<CallRecord> history, Predicate<CallRecord> inScope, String where, Measure m) {
    var own = history.stream().filter(inScope).toList();
    var shift = ShiftFinder.find(own, m, minSide);
    if (shift.isPresent()) {
      return explain(new Compared(where, where, own, history, shift.get()), m);
    }
    var service = own.size() < history.size() ? ShiftFinder.find(history, m, minSide) : shift;
    if (service.isPresent() && ownBefore(own, m, service.get().at()) < minSide) {
      var compared = new Compared(SERVICE, "across the service", history, history, service.get());
      return explain(compared, m);
    }
    return Attribution.none(
        m.noun(),
        null,
        AnomalyAttributor.value(own, m),
        String.format(
            Locale.ROOT,
            "not enough data to attribute the change: the %s %s shows no significant shift"
                + " among its %d calls, nor the service's among its %d; a comparison needs at"
                + " least %d calls on each side of a change",
            m.noun(),
            where,
            ShiftFinder.observed(own, m).size(),
            ShiftFinder.observed(history, m).size(),
            minSide));
  }

  /** The population compared across the change, and the whole history for the carriers. */
  private record Compared(
      String population,
      String where,
      List<CallRecord> calls,
      List<CallRecord> history,
      Shift shift) {
    List<CallRecord> before(List<CallRecord> of) {
      return of.stream().filter(c -> c.at().isBefore(shift.at())).toList();
    }

    List<CallRecord> after(List<CallRecord> of) {
      return of.stream().filter(c -> !c.at().isBefore(shift.at())).toList();
    }
  }

  private Attribution explain(Compared c, Measure m) {
    var before = c.before(c.calls());
    var after = c.after(c.calls());
    var groups = attributor.explanations(before, after, scale(before, after, m), m);
    var causes = new ArrayList<>(attributor.causes(groups));
    var carriers =
        Carriers.of(c.before(c.history()), c.after(c.history()), m).stream()
            .filter(k -> causes.stream().noneMatch(n -> same(n, k)))
            .toList();
    causes.addAll(carriers);
    double strength =
        groups.isEmpty()
            ? carriers.stream().mapToDouble(Cause::explanatoryPower).max().orElse(0)
            : groups.getFirst().confidence(groups);
    var s = c.shift();
    return new Attribution(
        m.noun(),
        AnomalyAttributor.round(s.valueBefore()),
        AnomalyAttributor.round(s.valueAfter()),
        ShiftSummary.of(groups, carriers, m, s, c.where()),
        AnomalyAttributor.round(s.significance() * strength),
        causes,
        new Attribution.Basis(
            SERVICE.equals(c.population()) ? SERVICE : "scope",
            s.at(),
            s.before(),
            s.after(),
            AnomalyAttributor.round(s.significance())));
  }

  private static int ownBefore(List<CallRecord> own, Measure m, Instant at) {
    return (int) ShiftFinder.observed(own, m).stream().filter(c -> c.at().isBefore(at)).count();
  }

  /** Scales the before calls to the after calls' count, so only the mix and the rates differ. */
  private static double scale(List<CallRecord> before, List<CallRecord> after, Measure m) {
    double b = ShiftFinder.observed(before, m).size();
    return b == 0 ? 1 : ShiftFinder.observed(after, m).size() / b;
  }

  private static boolean same(Cause a, Cause b) {
    return a.dimension().equals(b.dimension()) && a.value().equals(b.value());
  }
}
