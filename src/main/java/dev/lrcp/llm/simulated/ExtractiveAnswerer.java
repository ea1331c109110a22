package dev.lrcp.llm.simulated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Answers a question with the document sentences that share the most informative words with it
 * (IDF-weighted overlap, length-normalised like BM25), so simulated answers are grounded by
 * construction. How many supporting sentences are quoted varies with the seed.
 */
final class ExtractiveAnswerer {

  static final String NOT_IN_DOCUMENT =
      "The provided document does not contain information that answers this question.";

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

  private ExtractiveAnswerer() {}

  static String answer(String question, String document, RandomGenerator random) {
    List<Sentence> sentences = split(document);
    Set<String> asked = new HashSet<>(Terms.of(question));
    if (sentences.isEmpty() || asked.isEmpty()) {
      return NOT_IN_DOCUMENT;
    }
    Map<String, Double> idf = idf(sentences);
    double meanLength = sentences.stream().mapToInt(s -> s.terms().size()).average().orElse(1);
    var ranked = new ArrayList<Scored>();
    for (Sentence s : sentences) {
      double score = score(s, asked, idf, meanLength);
      if (score > 0) {
        ranked.add(new Scored(s, score));
      }
    }
    if (ranked.isEmpty()) {
      return NOT_IN_DOCUMENT;
    }
    ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
    int wanted = 1 + random.nextInt(3);
    double floor = ranked.getFirst().score() * 0.5;
    return ranked.stream()
        .limit(wanted)
        .filter(s -> s.score() >= floor)
        .map(Scored::sentence)
        .sorted(Comparator.comparingInt(Sentence::index))
        .map(Sentence::text)
        .reduce((a, b) -> a + " " + b)
        .orElse(NOT_IN_DOCUMENT);
  }

  /**
   * A weak model's slip: the document sentence that matches the question least (not the best one),
   * so the answer is grounded but off the point. A one-sentence document has nothing else to quote.
   */
  static String offTopic(String question, String document, RandomGenerator random) {
    List<Sentence> sentences = split(document);
    Set<String> asked = new HashSet<>(Terms.of(question));
    if (sentences.size() < 2) {
      return answer(question, document, random);
    }
    Map<String, Double> idf = idf(sentences);
    double meanLength = sentences.stream().mapToInt(s -> s.terms().size()).average().orElse(1);
    var ranked = new ArrayList<Scored>();
    for (Sentence s : sentences) {
      ranked.add(new Scored(s, score(s, asked, idf, meanLength)));
    }
    ranked.sort(Comparator.comparingDouble(Scored::score));
    List<Scored> weakest =
        ranked.subList(0, ranked.size() - 1).stream()
            .filter(s -> s.score() == ranked.getFirst().score())
            .toList();
    return weakest.get(random.nextInt(weakest.size())).sentence().text();
  }

  private static double score(
      Sentence s, Set<String> asked, Map<String, Double> idf, double meanLength) {
    double overlap = 0;
    for (String term : new HashSet<>(s.terms())) {
      if (asked.contains(term)) {
        overlap += idf.get(term);
      }
    }
    return overlap / (0.25 + 0.75 * s.terms().size() / meanLength);
  }

  private static Map<String, Double> idf(List<Sentence> sentences) {
    var df = new HashMap<String, Integer>();
    sentences.forEach(s -> new HashSet<>(s.terms()).forEach(t -> df.merge(t, 1, Integer::sum)));
    var idf = new HashMap<String, Double>();
    df.forEach((t, n) -> idf.put(t, Math.log(1.0 + (double) sentences.size() / n)));
    return idf;
  }

  private static List<Sentence> split(String document) {
    var sentences = new ArrayList<Sentence>();
    for (String raw : SENTENCE_END.split(document.strip())) {
      String text = raw.strip();
      List<String> terms = Terms.of(text);
      if (!terms.isEmpty()) {
        sentences.add(new Sentence(sentences.size(), text, terms));
      }
    }
    return sentences;
  }

  private record Sentence(int index, String text, List<String> terms) {}

  private record Scored(Sentence sentence, double score) {}
}
