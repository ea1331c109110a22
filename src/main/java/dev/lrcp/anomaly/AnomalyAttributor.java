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
 * explanation and is dropped; one whose set holds or lies within a better one's (injected traffic
 * within one endpoint) refines it. Neither counts as a competitor.
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
    Double before = value(baseline, m);
    Double now = value(current, m);
    if (baseline.isEmpty() || current.isEmpty() || before == null || now == null) {
      return Attribution.none(m.noun(), before, now, "not enough data to attribute the change");
    }
    var groups = explanations(baseline, current, baselineScale, m);
    if (groups.isEmpty()) {
      return Attribution.none(m.noun(), before, now, "no dimension value explains the change");
    }
    var top = groups.getFirst();
    return new Attribution(
        m.noun(),
        round(before),
        round(now),
        summary(top, m, before, now),
        round(top.confidence(groups)),
        causes(groups),
        null);
  }

  /**
   * Adtributor's explanations, most surprising first; an empty list when none reaches the noise
   * floor. Selections of nested call sets (injected traffic within one endpoint) describe one
   * explanation at two granularities and form one group; only another group competes with it.
   */
  List<Group> explanations(
      List<CallRecord> baseline, List<CallRecord> current, double baselineScale, Measure m) {
    var all = new ArrayList<CallRecord>(baseline);
    all.addAll(current);
    var results = new ArrayList<ElementTable.Selection>();
    for (Dimension d : m.dimensions()) {
      var table = ElementTable.of(d, baseline, current, baselineScale, m);
      table.select(elementThreshold, powerThreshold).ifPresent(results::add);
    }
    results.sort(Comparator.comparingDouble(ElementTable.Selection::surprise).reversed());
    var groups = new ArrayList<Group>();
    for (var s : results) {
      BitSet members = s.members(all);
      var home = groups.stream().filter(g -> g.nests(members)).findFirst();
      if (home.isPresent()) {
        home.get().add(s, members);
      } else if (s.surprise() >= MIN_SURPRISE) {
        groups.add(new Group(s, members));
      }
    }
    return groups;
  }

  /** Causes of the leading groups, up to {@code maxDimensions} selections. */
  List<Cause> causes(List<Group> groups) {
    return groups.stream()
        .flatMap(g -> g.selections.stream())
        .limit(maxDimensions)
        .flatMap(s -> s.causes().stream())
        .toList();
  }

  /** Selections naming the same calls or nested sets of them, strongest first. */
  static final class Group {
    private final List<ElementTable.Selection> selections = new ArrayList<>();
    private final List<BitSet> members = new ArrayList<>();

    Group(ElementTable.Selection first, BitSet calls) {
      add(first, calls);
    }

    /**
     * Whether a selection of {@code calls} belongs here (a strict subset or superset of a member);
     * a selection of exactly the same calls is the same explanation and is dropped by {@link #add}.
     */
    boolean nests(BitSet calls) {
      return members.stream().anyMatch(m -> contains(m, calls) || contains(calls, m));
    }

    void add(ElementTable.Selection s, BitSet calls) {
      if (members.stream().noneMatch(calls::equals)) {
        selections.add(s);
        members.add(calls);
      }
    }

    ElementTable.Selection lead() {
      return selections.getFirst();
    }

    /** Explanatory power of the lead times its surprise share against the runner-up group. */
    double confidence(List<Group> all) {
      double second = all.size() > 1 ? all.get(1).lead().surprise() : 0.0;
      return Math.clamp(lead().power(), 0.0, 1.0)
          * lead().surprise()
          / (lead().surprise() + second);
    }

    /** "traffic injected (endpoint /reason)": the lead, with the other selections in brackets. */
    String who() {
      var names = selections.stream().map(Group::name).toList();
      String lead = names.getFirst();
      return names.size() == 1
          ? lead
          : lead + " (" + String.join(", ", names.subList(1, names.size())) + ")";
    }

    boolean plural() {
      return lead().causes().size() > 1;
    }

    private static String name(ElementTable.Selection s) {
      var values = s.causes().stream().map(Cause::value).toList();
      return s.dimension().key().replace('_', ' ') + " " + String.join(" and ", values);
    }

    private static boolean contains(BitSet outer, BitSet inner) {
      var rest = (BitSet) inner.clone();
      rest.andNot(outer);
      return rest.isEmpty();
    }
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

  static String summary(Group top, Measure m, double before, double now) {
    String direction = now >= before ? "increase" : "decrease";
    return String.format(
        Locale.ROOT,
        "%s account%s for %d%% of the %s %s",
        top.who(),
        top.plural() ? "" : "s",
        Math.round(Math.clamp(top.lead().power(), 0, 1) * 100),
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
