package dev.lrcp.quality;

import java.util.Locale;

/** Scores answers for grounding in their document, or relevance to their question. */
public interface AnswerScorer {

  /** Scores on the caller's thread. */
  QualityScores score(ScoringInput input);

  /**
   * Scores off the caller's thread, best effort: {@code outcome} hears the scores later, or at once
   * why the answer is left unscored.
   */
  void scoreLater(ScoringInput input, Outcome outcome);

  /** What is scored; {@code document} may be null. */
  record ScoringInput(String question, String document, String answer) {}

  /** Receives the result of {@link #scoreLater}, exactly once. */
  interface Outcome {
    void scored(QualityScores scores);

    void unscored(Unscored reason);
  }

  /** Why background scoring left an answer unscored. */
  enum Unscored {
    /** Scoring had used its CPU share ({@code lrcp.quality.scoring-cpu-share}). */
    BUDGET,
    /** The scoring queue was full. */
    QUEUE_FULL;

    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
