package dev.lrcp.quality;

import java.util.List;

/**
 * The embedder of one evaluation, remembering whether it failed: the caller is told when its scores
 * rest on word overlap because MiniLM could not be used (still loading, or failed to load).
 */
final class SimilaritySource implements SentenceEmbedder {

  static final String MINILM = "minilm";
  static final String WORD_OVERLAP = "word_overlap";

  private final SentenceEmbedder embedder;
  private boolean unavailable;

  SimilaritySource(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  @Override
  public float[][] vectors(List<String> texts) {
    try {
      return embedder.vectors(texts);
    } catch (RuntimeException e) {
      unavailable = true;
      throw e instanceof EmbedderUnavailableException u ? u : new EmbedderUnavailableException(e);
    }
  }

  String source() {
    return unavailable ? WORD_OVERLAP : MINILM;
  }
}
