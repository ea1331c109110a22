package dev.lrcp.flow;

/** Receives the result of scoring a call's answer in the background, exactly once. */
public interface QualityLater {

  /** The scores, or {@link CallRecord.Quality#unscored} with the reason it was not scored. */
  void complete(CallRecord.Quality quality);
}
