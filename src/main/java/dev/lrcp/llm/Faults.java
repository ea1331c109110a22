package dev.lrcp.llm;

/**
 * Failure scenarios requested by a caller through the public {@code simulate_*} toggles. They are
 * carried with the request and acted on by the fault-injection layer at the client boundary, never
 * by adapters.
 */
public record Faults(boolean latency, boolean retry, boolean badPrompt, boolean longContext) {

  public static final Faults NONE = new Faults(false, false, false, false);

  public boolean any() {
    return latency || retry || badPrompt || longContext;
  }
}
