package dev.lrcp.optimization;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmResponse;
import org.springframework.stereotype.Component;

/**
 * Applies the endpoint's output-token cap, when an implemented recommendation set one: the model is
 * called with the lower of the caller's limit and the cap. A read of an in-memory map; no I/O.
 */
@Component
class LimitStage implements CallStage {

  private final OutputCaps caps;

  LimitStage(OutputCaps caps) {
    this.caps = caps;
  }

  @Override
  public Stage stage() {
    return Stage.LIMIT;
  }

  @Override
  public LlmResponse apply(Call call, Next next) {
    OutputCaps.Cap cap = caps.on(call.request().endpoint());
    if (cap != null) {
      call.capOutput(cap.maxTokens());
    }
    return next.proceed(call);
  }
}
