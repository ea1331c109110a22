package dev.lrcp.drift;

import dev.lrcp.flow.CallRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The score-drift detector for live callers: fed a scope's recent calls in time order, it says
 * whether their grounding scores (then, failing that, their answer relevance) are drifting down,
 * from what level to what. The same detector as {@code POST /quality/drift}, so the warnings behind
 * a live drop are those the API reports on the same scores.
 *
 * <p>A slow decline raises a run of downward warnings, each measured against a reference relearnt
 * after the one before, so each is small; the drop is therefore measured from the reference before
 * the run's first warning to the mean since its latest change began.
 */
public final class QualityDrift {

  /** Scored calls the detector learns its reference from before it can warn. */
  public static final int REFERENCE = ScoreDriftDetector.REFERENCE;

  /** Smallest drop, in score units, worth a warning by default: below it, it is noise to users. */
  public static final double MIN_DROP = 0.03;

  /** A score watched for drift. */
  public enum Signal {
    GROUNDING(CallRecord::groundingScore),
    RELEVANCE(c -> c.scored() ? c.quality().semanticSimilarity() : null);

    private final Function<CallRecord, Double> score;

    Signal(Function<CallRecord, Double> score) {
      this.score = score;
    }

    /** The call's score, or null when it has none (unscored, or no document for grounding). */
    public Double of(CallRecord call) {
      return score.apply(call);
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A downward drift of {@code signal}; indexes are into {@code scored}.
   *
   * @param start where the run's first change began (the drift's start)
   * @param latest where its latest change began: {@code current} is measured from there
   * @param raised where the latest warning was raised
   * @param reference the mean score the detector learnt before the run's first change
   * @param current the mean score since {@code latest}
   * @param scored the calls that carried the signal, in time order
   */
  public record Drop(
      Signal signal,
      int start,
      int latest,
      int raised,
      double reference,
      double current,
      List<CallRecord> scored) {

    public double size() {
      return reference - current;
    }

    /** Without the calls: they are evidence, not a description. */
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "Drop[%s, start=%d, latest=%d, raised=%d, reference=%.4f, current=%.4f, of %d]",
          signal,
          start,
          latest,
          raised,
          reference,
          current,
          scored.size());
    }

    /** The scored calls since the drift began. */
    public List<CallRecord> sinceStart() {
      return scored.subList(start, scored.size());
    }
  }

  private QualityDrift() {}

  /**
   * The first signal whose warnings over {@code calls} (in time order) end in a run of drops that
   * adds up to at least {@code minDrop}; empty when none does.
   */
  public static Optional<Drop> drop(List<CallRecord> calls, double minDrop) {
    for (Signal signal : Signal.values()) {
      var scored = calls.stream().filter(c -> signal.of(c) != null).toList();
      if (scored.size() <= REFERENCE) {
        continue;
      }
      double[] scores = scored.stream().mapToDouble(signal::of).toArray();
      var drop = drop(signal, scored, scores).filter(d -> d.size() >= minDrop);
      if (drop.isPresent()) {
        return drop;
      }
    }
    return Optional.empty();
  }

  private static Optional<Drop> drop(Signal signal, List<CallRecord> scored, double[] scores) {
    List<DriftWarning> warnings = ScoreDriftDetector.scan(scores);
    int first = warnings.size();
    while (first > 0 && warnings.get(first - 1).direction() == DriftWarning.Direction.DOWN) {
      first--;
    }
    if (first == warnings.size()) {
      return Optional.empty();
    }
    DriftWarning start = warnings.get(first);
    DriftWarning last = warnings.getLast();
    double sum = 0;
    for (int i = last.since(); i < scores.length; i++) {
      sum += scores[i];
    }
    double current = sum / (scores.length - last.since());
    return Optional.of(
        new Drop(
            signal, start.since(), last.since(), last.index(), start.reference(), current, scored));
  }
}
