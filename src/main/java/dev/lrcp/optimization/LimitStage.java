package dev.lrcp.optimization;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import org.springframework.stereotype.Component;

/**
 * Applies the endpoint's limits that implemented recommendations set: the model is called with the
 * lower of the caller's and the cap's answer length, and with the thinking budget when the routed
 * model thinks (a budget sent to one that does not would make it think), within what the model
 * accepts. Reads of an in-memory map; no I/O.
 */
@Component
class LimitStage implements CallStage {

  private final Limits limits;
  private final ModelCatalog catalog;

  LimitStage(Limits limits, ModelCatalog catalog) {
    this.limits = limits;
    this.catalog = catalog;
  }

  @Override
  public Stage stage() {
    return Stage.LIMIT;
  }

  @Override
  public LlmResponse apply(Call call, Next next) {
    String endpoint = call.request().endpoint();
    Limits.Limit cap = limits.on(endpoint, Control.MAX_TOKENS);
    if (cap != null) {
      call.capOutput(cap.tokens());
    }
    Limits.Limit budget = limits.on(endpoint, Control.THINKING_BUDGET);
    ModelSpec.Thinking thinking =
        budget == null || call.model() == null
            ? null
            : catalog.find(call.model()).map(ModelSpec::thinking).orElse(null);
    if (thinking != null) {
      call.capThinking(thinking.clamp(budget.tokens()));
    }
    return next.proceed(call);
  }
}
