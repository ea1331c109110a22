package dev.lrcp.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Cuts a document into pieces that fit MiniLM's window, and picks the pieces worth embedding for an
 * answer. The shipped tokenizer silently drops everything after 128 wordpieces, so no piece may be
 * longer than {@link #MAX_WORDS} words (≈ 1.3 wordpieces per English word).
 */
final class DocumentPieces {

  static final int MAX_WORDS = 40;

  private DocumentPieces() {}

  /** Whole sentences packed up to {@link #MAX_WORDS} words; longer sentences are cut. */
  static List<String> split(String document) {
    List<String> out = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int words = 0;
    for (String sentence : sentences(document)) {
      int n = Text.words(sentence);
      if (words > 0 && words + n > MAX_WORDS) {
        out.add(piece.toString());
        piece.setLength(0);
        words = 0;
      }
      piece.append(piece.isEmpty() ? "" : " ").append(sentence);
      words += n;
    }
    if (!piece.isEmpty()) {
      out.add(piece.toString());
    }
    return out;
  }

  /** For each answer sentence, the piece that contains most of its content words. */
  static List<String> closest(List<String> answerSentences, List<String> pieces) {
    List<Set<String>> pieceWords = pieces.stream().map(Text::contentWords).toList();
    Set<Integer> chosen = new LinkedHashSet<>();
    for (String a : answerSentences) {
      Set<String> words = Text.contentWords(a);
      IntStream.range(0, pieces.size())
          .boxed()
          .min(
              Comparator.comparingDouble(
                  (Integer j) ->
                      -GroundingScorer.share(words, pieceWords.get(j))
                          + 1e-6 * pieces.get(j).length()))
          .ifPresent(chosen::add);
    }
    return chosen.stream().map(pieces::get).toList();
  }

  private static List<String> sentences(String document) {
    List<String> out = new ArrayList<>();
    for (String sentence : Text.sentences(document)) {
      String[] words = sentence.split("\\s+");
      for (int i = 0; i < words.length; i += MAX_WORDS) {
        out.add(
            String.join(" ", Arrays.copyOfRange(words, i, Math.min(words.length, i + MAX_WORDS))));
      }
    }
    return out;
  }
}
