package dev.lrcp.quality;

/** The production sentence embedder for tests in other modules (loads MiniLM, about a second). */
public final class Embedders {

  private Embedders() {}

  public static SentenceEmbedder miniLm() {
    return MiniLmEmbedder.load();
  }
}
