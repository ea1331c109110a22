package dev.lrcp.routing;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmResponse;
import org.springframework.stereotype.Component;

/**
 * Routes every call, whatever its entry point: the {@link ModelRouter}'s decision is put on the
 * call before anything else runs, and becomes the call record's {@code routing_decision}.
 */
@Component
class RouteStage implements CallStage {

  private final ModelRouter router;

  RouteStage(ModelRouter router) {
    this.router = router;
  }

  @Override
  public Stage stage() {
    return Stage.ROUTE;
  }

  @Override
  public LlmResponse apply(Call call, Next next) {
    var routing = router.decide(call.request());
    call.route(routing.chosenModel(), routing);
    return next.proceed(call);
  }
}
