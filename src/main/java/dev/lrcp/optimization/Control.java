package dev.lrcp.optimization;

/**
 * What implementing a recommendation applies. Every control here is the service's own: a token
 * limit the flow's LIMIT stage applies, or the endpoint's model in the routing module.
 *
 * @param type {@code max_tokens} (an endpoint's output cap), {@code thinking_budget} (its thinking
 *     tokens) or {@code model} (the model its routing policy calls)
 * @param value the limit in tokens, or the model name
 */
record Control(String type, String endpoint, String value) {

  static final String MAX_TOKENS = "max_tokens";
  static final String THINKING_BUDGET = "thinking_budget";
  static final String MODEL = "model";

  /** True when implementing it changes the service itself rather than recording a person's work. */
  boolean appliedByService() {
    return type.equals(MAX_TOKENS) || type.equals(THINKING_BUDGET) || type.equals(MODEL);
  }

  /** A token limit the LIMIT stage applies (rather than a routing change). */
  boolean limit() {
    return type.equals(MAX_TOKENS) || type.equals(THINKING_BUDGET);
  }
}
