package dev.lrcp.llm;

/** The one port to a language model. Implementations translate or decorate; never both. */
@FunctionalInterface
public interface LlmClient {

  /**
   * Generates a completion. Streams text deltas to {@link LlmRequest#stream()} as they arrive
   * (adapters that cannot stream deliver the whole text once) and returns the final response.
   *
   * @throws LlmException for every upstream failure, classified by {@link LlmFailure}
   */
  LlmResponse generate(LlmRequest request);
}
