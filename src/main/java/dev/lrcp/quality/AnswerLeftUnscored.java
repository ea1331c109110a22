package dev.lrcp.quality;

import java.time.Instant;

/**
 * An answer handed to {@link AnswerScorer#scoreLater} was not scored: background scoring is
 * best-effort and sampled under load. Published on the caller's thread, once per such answer.
 */
public record AnswerLeftUnscored(
    Instant at, String endpoint, String model, String provider, Reason reason) {

  /** Why the answer was left unscored. */
  public enum Reason {
    /** Scoring had used its CPU share ({@code lrcp.quality.scoring-cpu-share}). */
    BUDGET,
    /** The scoring queue ({@code lrcp.quality.scoring-queue}) was full. */
    QUEUE_FULL
  }
}
