package dev.lrcp.completion;

import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.Faults;

/**
 * Per-call settings that come from the transport rather than the body: the {@code simulate_*}
 * toggles and who is calling.
 */
public record CallContext(Faults faults, CallTags tags) {

  public static final CallContext NONE = new CallContext(Faults.NONE, CallTags.NONE);

  public CallContext {
    faults = faults == null ? Faults.NONE : faults;
    tags = tags == null ? CallTags.NONE : tags;
  }

  public CallContext withFaults(Faults other) {
    return new CallContext(other, tags);
  }
}
