package dev.lrcp.routing;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmResponse;
import org.springframework.stereotype.Component;

/** Routes every call: the model comes from {@link ModelRouter} before anything else runs. */
@Component
class RouteStage implements CallStage {

  static final String POLICY = "static";

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
    var request = call.request();
    RouteDecision decision =
        router.route(request.requestType(), request.namesModel() ? request.model() : null);
    call.route(decision.model(), new CallRecord.Routing(POLICY, decision.reason()));
    return next.proceed(call);
  }
}
