package dev.lrcp.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the embedder's work per text bounded and its input well formed, whatever a caller sends:
 * each text is cut to {@link #MAX_CHARS} (MiniLM reads about 128 wordpieces; the rest would only
 * cost ONNX runs), and a text with nothing visible ({@link VisibleTextValidator}) gets a zero
 * vector, which is what the tokenizer would make of it if it did not refuse it.
 */
record BoundedEmbedder(SentenceEmbedder model) implements SentenceEmbedder {

  /** About 500 wordpieces of English: one model window, whatever the script. */
  static final int MAX_CHARS = 2_000;

  static final int DIMENSION = 384;

  @Override
  public float[][] vectors(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> sent = new ArrayList<>(texts.size());
    List<Integer> at = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String text = clip(texts.get(i));
      if (VisibleTextValidator.isVisible(text)) {
        sent.add(text);
        at.add(i);
      } else {
        out[i] = new float[DIMENSION];
      }
    }
    if (!sent.isEmpty()) {
      float[][] vectors = embed(sent);
      for (int k = 0; k < vectors.length; k++) {
        out[at.get(k)] = vectors[k];
      }
    }
    return out;
  }

  /**
   * The tokenizer's Unicode tables may be older than the JDK's, so it can still find nothing in a
   * text we call visible; it refuses the whole batch then, and each text is tried on its own.
   */
  private float[][] embed(List<String> texts) {
    try {
      return model.vectors(texts);
    } catch (IllegalArgumentException refused) {
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < out.length; i++) {
        try {
          out[i] = model.vectors(List.of(texts.get(i)))[0];
        } catch (IllegalArgumentException nothingToEmbed) {
          out[i] = new float[DIMENSION];
        }
      }
      return out;
    }
  }

  /** The first {@link #MAX_CHARS} characters, never ending inside a surrogate pair. */
  static String clip(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return text.substring(0, end);
  }
}
