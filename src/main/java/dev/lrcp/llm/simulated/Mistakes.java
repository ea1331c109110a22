package dev.lrcp.llm.simulated;

import dev.lrcp.llm.ModelSpec.Capability;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Where a simulated model goes wrong, by its {@link Capability}. The draw depends on the seed, the
 * model and the prompt only (not on the prompt id), so a model fails the same question every time,
 * as a real weak model does, and a replay of the same workload gives the same mistakes.
 */
final class Mistakes {

  /** What a mistake looks like in the answer. */
  enum Kind {
    /** A less relevant sentence of the document: still grounded, answers the wrong thing. */
    OFF_TOPIC,
    /** General statements instead of the document's content: not supported by it. */
    UNSUPPORTED,
    /** Declines to answer. */
    REFUSAL
  }

  static final String REFUSAL_WITHOUT_DOCUMENT = "I'm sorry, I can't answer that with confidence.";

  private final long seed;

  Mistakes(long seed) {
    this.seed = seed;
  }

  /**
   * The mistake this model makes on this prompt, or null. A mistake is off-topic 40 %, unsupported
   * 40 %, a refusal 20 % of the time.
   */
  Kind draw(Capability capability, String model, Question question) {
    RandomGenerator random = randomFor(model, question.text());
    double chance = capability.mistakeChance(question.words(), question.documentWords());
    if (random.nextDouble() >= chance) {
      return null;
    }
    double kind = random.nextDouble();
    return kind < 0.4 ? Kind.OFF_TOPIC : kind < 0.8 ? Kind.UNSUPPORTED : Kind.REFUSAL;
  }

  /** Whether an answer asked for as JSON comes out malformed. */
  boolean breaksJson(Capability capability, String model, Question question) {
    return randomFor(model + "\njson", question.text()).nextDouble() < capability.invalidJson();
  }

  private RandomGenerator randomFor(String model, String prompt) {
    long hash = 0xcbf29ce484222325L; // FNV-1a, stable across JVMs
    for (String part : new String[] {model, "\n", prompt}) {
      for (int i = 0; i < part.length(); i++) {
        hash = (hash ^ part.charAt(i)) * 0x100000001b3L;
      }
    }
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ hash);
  }

  /**
   * What a model is asked, for sizing its difficulty.
   *
   * @param text the whole prompt, the draw's key
   * @param words content words of the question
   * @param documentWords words of the document, 0 without one
   */
  record Question(String text, int words, int documentWords) {

    static Question of(String prompt, String question, String document) {
      int documentWords = document == null ? 0 : document.strip().split("\\s+").length;
      return new Question(prompt, Terms.of(question).size(), documentWords);
    }
  }
}
