package dev.lrcp.llm;

/**
 * Tokens of one call. Thinking (reasoning) tokens are billed as output by every provider we price,
 * so {@link #billableOutput()} includes them.
 */
public record TokenUsage(int input, int output, int thinking) {

  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0);

  public TokenUsage {
    if (input < 0 || output < 0 || thinking < 0) {
      throw new IllegalArgumentException("token counts must be >= 0");
    }
  }

  public int billableOutput() {
    return output + thinking;
  }

  public int total() {
    return input + output + thinking;
  }
}
