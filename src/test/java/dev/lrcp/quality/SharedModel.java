package dev.lrcp.quality;

/** One MiniLM instance per test JVM: each load costs seconds and ≈ 200 MB of native memory. */
final class SharedModel {

  private static MiniLmEmbedder model;

  private SharedModel() {}

  static synchronized MiniLmEmbedder miniLm() {
    if (model == null) {
      model = MiniLmEmbedder.load();
    }
    return model;
  }
}
