package dev.lrcp.flow;

import dev.lrcp.llm.LlmResponse;

/**
 * One stage of the {@link CallFlow}: a policy that every call passes through once, whatever its
 * entry point. A stage may act before the rest of the flow ({@code next.proceed(call)}), after it,
 * both, or instead of it (a refusal throws; a cached answer returns without proceeding). Stages are
 * Spring beans; {@link #stage()} places each in the one order {@link Stage} defines.
 */
public interface CallStage {

  /** Where this stage sits in the flow. */
  Stage stage();

  /**
   * @return the answer for the call
   * @throws dev.lrcp.llm.LlmException when the model failed (after retries and fallbacks)
   */
  LlmResponse apply(Call call, Next next);

  /** The rest of the flow after a stage. */
  @FunctionalInterface
  interface Next {
    LlmResponse proceed(Call call);
  }
}
