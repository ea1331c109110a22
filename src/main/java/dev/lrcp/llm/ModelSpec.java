package dev.lrcp.llm;

import java.util.List;

/**
 * A model we can call and price. Prices are USD per 1M tokens; a tier applies when the prompt has
 * more than {@code aboveInputTokens} tokens (e.g. Gemini 2.5 Pro above 200k).
 *
 * @param capability how the simulated provider makes this model err; {@link Capability#FLAWLESS}
 *     when the file gives none. Real providers ignore it: their models err on their own.
 * @param thinking the thinking budget the model accepts, or null for a model that does not think by
 *     default
 */
public record ModelSpec(
    String name,
    String provider,
    int contextWindow,
    List<PriceTier> prices,
    LatencyProfile latency,
    Capability capability,
    Thinking thinking) {

  public ModelSpec {
    prices = List.copyOf(prices);
    if (prices.isEmpty()) {
      throw new IllegalArgumentException("model " + name + " has no price");
    }
    capability = capability == null ? Capability.FLAWLESS : capability;
  }

  /**
   * A model that thinks before it answers unless told otherwise, and the thinking budgets its API
   * accepts (Gemini 2.5 Pro cannot turn thinking off: its least budget is 128 tokens).
   */
  public record Thinking(int minBudget, int maxBudget) {

    public Thinking {
      if (minBudget < 0 || maxBudget < minBudget) {
        throw new IllegalArgumentException("thinking budgets must satisfy 0 <= min <= max");
      }
    }

    /** {@code budget} within what the model accepts. */
    public int clamp(int budget) {
      return Math.clamp(budget, minBudget, maxBudget);
    }
  }

  /** Price per 1M tokens for prompts above {@code aboveInputTokens} input tokens. */
  public record PriceTier(long aboveInputTokens, double inputPerMillion, double outputPerMillion) {}

  /** Typical speed, used by the simulated provider: time to first token plus time per token. */
  public record LatencyProfile(double timeToFirstTokenMs, double perOutputTokenMs) {}

  /**
   * A simulated model's weakness (docs/providers.md): the chance that an answer goes wrong is
   * {@code mistakes}, plus {@code perHundredDocumentWords} for every 100 words of its document
   * beyond the first {@value #EASY_DOCUMENT_WORDS} (longer documents), plus {@code perQuestionWord}
   * for every content word of the question beyond {@value #EASY_QUESTION_WORDS} (harder questions),
   * at most {@value #MAX_CHANCE}; {@code invalidJson} is the chance that an answer asked for as
   * JSON does not parse. Illustrative figures, not measurements of the real models.
   */
  public record Capability(
      double mistakes, double perHundredDocumentWords, double perQuestionWord, double invalidJson) {

    public static final Capability FLAWLESS = new Capability(0, 0, 0, 0);
    public static final double MAX_CHANCE = 0.9;
    public static final int EASY_DOCUMENT_WORDS = 50;
    public static final int EASY_QUESTION_WORDS = 3;

    public Capability {
      for (double p :
          new double[] {mistakes, perHundredDocumentWords, perQuestionWord, invalidJson}) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("capability figures must be between 0 and 1");
        }
      }
    }

    /** The chance of a mistake on a question with this many content words and document words. */
    public double mistakeChance(int questionWords, int documentWords) {
      double chance =
          mistakes
              + perHundredDocumentWords * Math.max(0, documentWords - EASY_DOCUMENT_WORDS) / 100.0
              + perQuestionWord * Math.max(0, questionWords - EASY_QUESTION_WORDS);
      return Math.min(MAX_CHANCE, chance);
    }
  }

  /** USD cost of a call; thinking tokens are billed as output. */
  public double cost(TokenUsage usage) {
    PriceTier tier = prices.getFirst();
    for (PriceTier candidate : prices) {
      if (usage.input() > candidate.aboveInputTokens()) {
        tier = candidate;
      }
    }
    return (usage.input() * tier.inputPerMillion()
            + usage.billableOutput() * tier.outputPerMillion())
        / 1_000_000.0;
  }
}
