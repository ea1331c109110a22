package dev.lrcp.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores how well an answer is supported by a document. Plain cosine measures topicality, not
 * faithfulness (a wrong-number answer looks like the right one), so the score combines lexical
 * support of the answer's new content words, exact number and name checks, and sentence-level
 * MiniLM similarity. Thread-safe; holds no state besides the weights.
 */
final class GroundingScorer {

  static final int MAX_ANSWER_SENTENCES = 6;

  private final SentenceEmbedder embedder;
  private final GroundingWeights weights;

  GroundingScorer(SentenceEmbedder embedder, GroundingWeights weights) {
    this.embedder = embedder;
    this.weights = weights;
  }

  /** Evidence for one answer; {@code document} must not be blank. */
  GroundingEvidence evidence(String question, String document, String answer) {
    Set<String> docWords = Text.contentWords(document);
    Set<String> questionWords = Text.contentWords(question == null ? "" : question);
    double lexical = lexicalSupport(Text.contentWords(answer), questionWords, docWords);
    double numbers = share(Text.numbers(answer), Text.numbers(document));
    Set<String> known = new HashSet<>(docWords);
    known.addAll(questionWords);
    double names = share(Text.names(answer), known);
    Set<String> knownPairs = Text.bigrams(document);
    knownPairs.addAll(Text.bigrams(question == null ? "" : question));
    double phrases = share(Text.bigrams(answer), knownPairs);
    double[] sims = maxSimilarities(Text.sentences(answer), DocumentPieces.split(document));
    return new GroundingEvidence(lexical, phrases, numbers, names, mean(sims), min(sims));
  }

  double score(GroundingEvidence e) {
    return weights.combine(e);
  }

  /** Answer–question relevance, used when there is no document to ground against. */
  double relevance(String question, String answer) {
    try {
      float[][] v = embedder.vectors(List.of(question, answer));
      return clamp(MiniLmEmbedder.cosine(v[0], v[1]));
    } catch (EmbedderUnavailableException e) {
      return overlap(answer, question);
    }
  }

  /** Stand-in for cosine while the model is unavailable: Jaccard overlap of content words. */
  static double overlap(String a, String b) {
    Set<String> x = Text.contentWords(a);
    Set<String> y = Text.contentWords(b);
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return union.isEmpty() ? 0 : x.size() / (double) union.size();
  }

  /**
   * Share of the answer's content words that the document contains, ignoring words the answer
   * merely repeats from the question (they say nothing about support).
   */
  static double lexicalSupport(Set<String> answer, Set<String> question, Set<String> document) {
    Set<String> novel = new HashSet<>(answer);
    novel.removeAll(question);
    return share(novel.isEmpty() ? answer : novel, document);
  }

  static double share(Set<String> items, Set<String> in) {
    if (items.isEmpty()) {
      return 1.0;
    }
    return items.stream().filter(in::contains).count() / (double) items.size();
  }

  /**
   * Best cosine of each answer sentence with a document piece. Embedding every piece of a
   * 1,000-character document costs ≈ 25 ms of CPU, so only the piece sharing most content words
   * with each answer sentence is embedded ({@link DocumentPieces#closest}): the semantically
   * closest piece nearly always shares words with it (cross-validated AUROC unchanged).
   */
  private double[] maxSimilarities(List<String> answerSentences, List<String> docPieces) {
    if (answerSentences.isEmpty() || docPieces.isEmpty()) {
      return new double[] {0};
    }
    List<String> answers =
        answerSentences.subList(0, Math.min(MAX_ANSWER_SENTENCES, answerSentences.size()));
    List<String> candidates = DocumentPieces.closest(answers, docPieces);
    List<String> all = new ArrayList<>(answers);
    all.addAll(candidates);
    float[][] v;
    try {
      v = embedder.vectors(all);
    } catch (EmbedderUnavailableException e) {
      return answers.stream()
          .mapToDouble(a -> docPieces.stream().mapToDouble(d -> overlap(a, d)).max().orElse(0))
          .toArray();
    }
    double[] out = new double[answers.size()];
    for (int i = 0; i < out.length; i++) {
      double best = -1;
      for (int j = answers.size(); j < v.length; j++) {
        best = Math.max(best, MiniLmEmbedder.cosine(v[i], v[j]));
      }
      out[i] = clamp(best);
    }
    return out;
  }

  static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  private static double min(double[] xs) {
    double m = 1;
    for (double x : xs) {
      m = Math.min(m, x);
    }
    return m;
  }
}
