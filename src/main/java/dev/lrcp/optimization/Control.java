package dev.lrcp.optimization;

/**
 * What implementing a recommendation applies, when the service owns the control.
 *
 * @param type {@code max_tokens} (an endpoint's output cap) or {@code model} (a routing change,
 *     recorded for now: routing overrides belong to the routing module)
 * @param value the cap in tokens, or the model name
 */
record Control(String type, String endpoint, String value) {

  static final String MAX_TOKENS = "max_tokens";
  static final String MODEL = "model";

  /** True when implementing it changes the service itself rather than recording a person's work. */
  boolean appliedByService() {
    return type.equals(MAX_TOKENS);
  }
}
