package dev.lrcp.llm;

import java.util.List;

/**
 * A model we can call and price. Prices are USD per 1M tokens; a tier applies when the prompt has
 * more than {@code aboveInputTokens} tokens (e.g. Gemini 2.5 Pro above 200k).
 */
public record ModelSpec(
    String name,
    String provider,
    int contextWindow,
    List<PriceTier> prices,
    LatencyProfile latency) {

  public ModelSpec {
    prices = List.copyOf(prices);
    if (prices.isEmpty()) {
      throw new IllegalArgumentException("model " + name + " has no price");
    }
  }

  /** Price per 1M tokens for prompts above {@code aboveInputTokens} input tokens. */
  public record PriceTier(long aboveInputTokens, double inputPerMillion, double outputPerMillion) {}

  /** Typical speed, used by the simulated provider: time to first token plus time per token. */
  public record LatencyProfile(double timeToFirstTokenMs, double perOutputTokenMs) {}

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
