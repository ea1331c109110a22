package dev.lrcp.telemetry;

import dev.lrcp.flow.CallRecord.Outcome;
import dev.lrcp.llm.LlmFailure;
import java.util.Arrays;

/**
 * The tags of {@link Outcome} and {@link LlmFailure}, computed once: their {@code tag()}
 * lower-cases the name on every call, and each model call needs several of them.
 */
final class Labels {

  private static final String[] OUTCOMES =
      Arrays.stream(Outcome.values()).map(Outcome::tag).toArray(String[]::new);
  private static final String[] FAILURES =
      Arrays.stream(LlmFailure.values()).map(LlmFailure::tag).toArray(String[]::new);

  private Labels() {}

  static String outcome(Outcome outcome) {
    return OUTCOMES[outcome.ordinal()];
  }

  static String failure(LlmFailure failure) {
    return FAILURES[failure.ordinal()];
  }
}
