package dev.lrcp.flow;

import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;

/**
 * The innermost step of the flow: one call of the decorated model port (resilience, fault
 * injection, adapter), timed and priced here and nowhere else, and kept as the call's {@link
 * Attempt} whatever the outcome. It also prices the answer at the routing decision's reference
 * model, so the decision's savings are up to date after every attempt.
 */
final class ModelCall implements CallStage.Next {

  private final LlmClient llm;
  private final ModelCatalog catalog;

  ModelCall(LlmClient llm, ModelCatalog catalog) {
    this.llm = llm;
    this.catalog = catalog;
  }

  @Override
  public LlmResponse proceed(Call call) {
    CallRequest r = call.request();
    boolean held = call.streamHeld();
    if (!held) {
      call.beginStream(call.model());
    }
    var timing = new CallTiming();
    var request =
        new LlmRequest(
            call.promptId(),
            r.endpoint(),
            r.requestType(),
            call.model(),
            r.messages(),
            r.options(),
            r.faults(),
            r.tags(),
            timing.wrap(call.stream()));
    try {
      LlmResponse response = llm.generate(request);
      timing.stop();
      double cost = catalog.cost(response.model(), response.usage());
      attempted(call, attempt(request, response, null, timing, cost, held));
      return response;
    } catch (LlmException e) {
      timing.stop();
      attempted(call, attempt(request, null, e, timing, 0, held));
      throw e;
    } catch (RuntimeException e) {
      // a defect below us or a client that left mid-stream, not an upstream answer: still recorded
      timing.stop();
      var failure = new LlmException(LlmFailure.UPSTREAM_ERROR, request.model(), null, "", e);
      attempted(call, attempt(request, null, failure, timing, 0, held));
      throw e;
    }
  }

  /**
   * Keeps the attempt and brings the routing decision's savings up to date: the reference model's
   * price for the tokens of the answer minus everything spent so far.
   */
  private void attempted(Call call, Attempt attempt) {
    call.attempted(attempt);
    CallRecord.Routing routing = call.routing();
    if (routing != null && routing.referenceModel() != null) {
      double reference = catalog.cost(routing.referenceModel(), attempt.usage());
      call.route(call.model(), routing.withSavings(reference - call.spentUsd()));
    }
  }

  /** A held attempt reached the caller only after it ended: its first token came at the end. */
  private Attempt attempt(
      LlmRequest request,
      LlmResponse response,
      LlmException e,
      CallTiming t,
      double cost,
      boolean held) {
    String model =
        response != null ? response.model() : e.model() != null ? e.model() : request.model();
    String provider =
        response != null
            ? response.provider()
            : e.provider() != null ? e.provider() : providerOf(model);
    long ttft = held ? t.latencyMs() : t.timeToFirstTokenMs();
    return new Attempt(request.model(), model, provider, response, e, t.latencyMs(), ttft, cost);
  }

  private String providerOf(String model) {
    return catalog.find(model).map(ModelSpec::provider).orElse("unknown");
  }
}
