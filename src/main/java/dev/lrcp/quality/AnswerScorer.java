package dev.lrcp.quality;

/** Scores answers and publishes {@link AnswerScored}. */
public interface AnswerScorer {

  /** Scores on the caller's thread (used by /qa, whose response carries the scores). */
  QualityScores score(ScoringInput input);

  /** Scores off the caller's thread (used by streams); publishes {@link AnswerScored} when done. */
  void scoreLater(ScoringInput input);

  /** What is scored; {@code document} may be null. */
  record ScoringInput(
      String promptId,
      String endpoint,
      String model,
      String provider,
      String question,
      String document,
      String answer) {}
}
