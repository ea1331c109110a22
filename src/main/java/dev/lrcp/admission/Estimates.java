package dev.lrcp.admission;

import dev.lrcp.flow.CallRequest;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenCounter;
import dev.lrcp.llm.TokenUsage;

/**
 * A call's worst case before it is made: its input tokens (our o200k count with a 20 % margin plus
 * a per-message allowance, since providers tokenise differently and add framing) and its output cap
 * ({@code max_tokens}, or the default every adapter sends), priced with the catalog's prices.
 */
final class Estimates {

  static final double INPUT_MARGIN = 1.2;
  static final int PER_MESSAGE_TOKENS = 4;
  static final int BASE_TOKENS = 16;

  private Estimates() {}

  static long inputTokens(CallRequest request) {
    long counted = 0;
    for (Message m : request.messages()) {
      counted += TokenCounter.count(m.content());
    }
    return (long) Math.ceil(counted * INPUT_MARGIN)
        + (long) PER_MESSAGE_TOKENS * request.messages().size()
        + BASE_TOKENS;
  }

  static long outputTokens(CallRequest request) {
    return request.options().maxOutputTokens();
  }

  /** Nano-USD; 0 for a model without a price (the router refuses unknown models first). */
  static long worstCostNanos(ModelCatalog catalog, String model, long input, long output) {
    var usage = new TokenUsage(clamp(input), clamp(output), 0);
    return Money.nanos(catalog.cost(model, usage));
  }

  private static int clamp(long tokens) {
    return (int) Math.min(Integer.MAX_VALUE, tokens);
  }
}
