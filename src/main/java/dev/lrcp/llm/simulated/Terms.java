package dev.lrcp.llm.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Content words of a text: lower-cased, stop words dropped, crude suffix stemming. */
final class Terms {

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Longer "words" (hashes, encoded blobs, a prompt that is one run of letters) are no topic:
   * echoed into an answer they would make it as long as the prompt, several times over.
   */
  static final int MAX_WORD = 40;

  private static final Set<String> STOP =
      Set.of(
          "a",
          "an",
          "and",
          "are",
          "as",
          "at",
          "be",
          "by",
          "can",
          "do",
          "does",
          "for",
          "from",
          "how",
          "in",
          "is",
          "it",
          "its",
          "of",
          "on",
          "or",
          "that",
          "the",
          "this",
          "to",
          "was",
          "what",
          "when",
          "where",
          "which",
          "who",
          "why",
          "will",
          "with",
          "you",
          "your",
          "i",
          "me",
          "my",
          "we",
          "our",
          "about",
          "into",
          "than",
          "then",
          "there",
          "these",
          "those",
          "has",
          "have",
          "had",
          "not",
          "no",
          "but",
          "if",
          "so",
          "all",
          "any",
          "some",
          "more",
          "most",
          "other",
          "such",
          "only",
          "also",
          "very",
          "just",
          "should",
          "would",
          "could",
          "please",
          "explain",
          "tell",
          "describe",
          "give",
          "n",
          "q",
          "context");

  /** Common verbs that make poor topics for templated sentences. */
  private static final Set<String> VERBS =
      Set.of(
          "helps",
          "help",
          "starts",
          "start",
          "returning",
          "returns",
          "return",
          "make",
          "makes",
          "use",
          "using",
          "uses",
          "get",
          "gets",
          "need",
          "needs",
          "want",
          "work",
          "works",
          "happen",
          "happens",
          "write",
          "summarize",
          "compare",
          "list",
          "show",
          "find",
          "keep",
          "know",
          "think",
          "become",
          "becomes",
          "take",
          "takes",
          "try",
          "handle",
          "handles",
          "let",
          "see");

  private Terms() {}

  /** Stemmed content words in order of appearance, duplicates kept. */
  static List<String> of(String text) {
    var terms = new ArrayList<String>();
    for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (word.length() > 1 && word.length() <= MAX_WORD && !STOP.contains(word)) {
        terms.add(stem(word));
      }
    }
    return terms;
  }

  /**
   * Noun-phrase-like runs of up to two adjacent content words, in original case ("circuit breaker",
   * "LLM provider"), for echoing the prompt's own vocabulary in generated text. A two-letter word
   * counts only in capitals ("AI", "ML"): "What is AI?" is about AI.
   */
  static List<String> phrases(String text) {
    var phrases = new ArrayList<String>();
    var run = new ArrayList<String>();
    for (String word : NON_WORD.split(text)) {
      String lower = word.toLowerCase(Locale.ROOT);
      boolean acronym = word.length() == 2 && word.chars().allMatch(Character::isUpperCase);
      if ((word.length() > 2 || acronym)
          && word.length() <= MAX_WORD
          && !STOP.contains(lower)
          && !VERBS.contains(lower)) {
        run.add(word);
        continue;
      }
      flush(run, phrases);
    }
    flush(run, phrases);
    return phrases;
  }

  private static void flush(List<String> run, List<String> phrases) {
    if (!run.isEmpty()) {
      phrases.add(String.join(" ", run.subList(Math.max(0, run.size() - 2), run.size())));
      run.clear();
    }
  }

  private static String stem(String word) {
    if (word.length() > 5 && word.endsWith("ing")) {
      return word.substring(0, word.length() - 3);
    }
    if (word.length() > 4 && (word.endsWith("ed") || word.endsWith("es"))) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
