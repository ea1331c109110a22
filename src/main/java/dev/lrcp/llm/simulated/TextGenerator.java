package dev.lrcp.llm.simulated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Plausible, clearly generic text built from templates over the prompt's key terms. Reasoning gets
 * a numbered step-by-step shape; other requests a short paragraph. Length varies with the seed.
 */
final class TextGenerator {

  private static final List<String> OPENERS =
      List.of(
          "Here is a concise answer about %s.",
          "The question concerns %s and how it relates to %s.",
          "In short, %s depends mostly on %s.",
          "Looking at %s, a few points stand out.");
  private static final List<String> BODY =
      List.of(
          "%s is usually the first thing to check, because it constrains %s.",
          "A common approach is to measure %s before changing %s.",
          "When %s grows, %s tends to follow, so both should be watched together.",
          "The trade-off between %s and %s is what matters most in practice.",
          "Evidence about %s should come from real observations rather than assumptions about %s.",
          "It helps to separate %s from %s, since they fail for different reasons.",
          "Small, reversible changes to %s make it easier to see the effect on %s.",
          "If %s is unclear, start from a simple baseline and compare %s against it.");
  private static final List<String> CLOSERS =
      List.of(
          "Overall, %s is best handled incrementally.",
          "Therefore, the answer hinges on %s.",
          "In conclusion, keep %s measurable and revisit it as conditions change.");

  private TextGenerator() {}

  static String generate(String prompt, String requestType, RandomGenerator random) {
    List<String> terms = keyTerms(prompt);
    boolean reasoning = "reason".equals(requestType);
    int bodySentences = reasoning ? 3 + random.nextInt(5) : 1 + random.nextInt(4);
    var body = new ArrayList<>(BODY);
    shuffle(body, random);
    var out = new StringBuilder(fill(pick(OPENERS, random), terms, random));
    for (int i = 1; i <= bodySentences; i++) {
      String sentence = fill(body.get(i - 1), terms, random);
      out.append(reasoning ? "\n" + i + ". " : " ").append(sentence);
    }
    out.append(reasoning ? "\n" : " ").append(fill(pick(CLOSERS, random), terms, random));
    return out.toString();
  }

  /** The most frequent phrases, two-word phrases first on ties; original case kept. */
  private static List<String> keyTerms(String prompt) {
    Map<String, String> original = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String phrase : Terms.phrases(prompt)) {
      String key = phrase.toLowerCase(Locale.ROOT);
      original.putIfAbsent(key, phrase);
      counts.merge(key, 1, Integer::sum);
    }
    var ranked = new ArrayList<>(counts.keySet());
    ranked.sort(
        Comparator.comparing((String k) -> counts.get(k))
            .thenComparing(k -> k.contains(" "))
            .thenComparing(String::length)
            .reversed());
    var terms = new ArrayList<String>();
    ranked.stream().limit(4).forEach(k -> terms.add(original.get(k)));
    if (terms.isEmpty()) {
      terms.add("the request");
    }
    return terms;
  }

  private static String fill(String template, List<String> terms, RandomGenerator random) {
    String first = terms.get(random.nextInt(terms.size()));
    String second = terms.size() > 1 ? otherThan(first, terms, random) : "the overall result";
    String text = template.formatted(first, second);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String otherThan(String term, List<String> terms, RandomGenerator random) {
    String other = terms.get(random.nextInt(terms.size()));
    return other.equals(term) ? terms.get((terms.indexOf(term) + 1) % terms.size()) : other;
  }

  private static void shuffle(List<String> list, RandomGenerator random) {
    for (int i = list.size() - 1; i > 0; i--) {
      java.util.Collections.swap(list, i, random.nextInt(i + 1));
    }
  }

  private static <T> T pick(List<T> options, RandomGenerator random) {
    return options.get(random.nextInt(options.size()));
  }
}
