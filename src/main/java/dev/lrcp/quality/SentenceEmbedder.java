package dev.lrcp.quality;

import java.util.List;

/** Unit-length sentence vectors; the production one is {@link MiniLmEmbedder}. */
@FunctionalInterface
interface SentenceEmbedder {

  float[][] vectors(List<String> texts);
}
