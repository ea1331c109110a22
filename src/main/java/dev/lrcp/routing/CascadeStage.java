package dev.lrcp.routing;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.quality.AnswerScorer;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@code cascade} policy's second half: a call routed to the cheap end of a cascade is answered
 * by it first, and moves one model up the cascade whenever the answer fails the {@link
 * AnswerVerifier} (or the model call fails). For a stream, each answer that may still be replaced
 * is held back and checked whole before anything is sent; the last model of the cascade streams
 * live. The escalation and what it cost end up in the call's routing decision.
 */
@Component
class CascadeStage implements CallStage {

  private final AnswerVerifier verifier;

  @Autowired
  CascadeStage(AnswerScorer scorer, RoutingProperties properties) {
    this(new AnswerVerifier(scorer, properties.cascade().groundingThreshold()));
  }

  CascadeStage(AnswerVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public Stage stage() {
    return Stage.VERIFY;
  }

  @Override
  public LlmResponse apply(Call call, Next next) {
    var routing = call.routing();
    if (routing == null || !Policy.CASCADE.label().equals(routing.policy())) {
      return next.proceed(call);
    }
    List<String> cascade = routing.candidates();
    int at = cascade.indexOf(call.model());
    while (at >= 0 && at < cascade.size() - 1) {
      call.holdStream();
      AnswerVerifier.Verdict verdict;
      try {
        LlmResponse answer = next.proceed(call);
        verdict = verifier.check(call, answer);
        if (verdict.passed()) {
          call.releaseStream();
          return answer;
        }
      } catch (LlmException e) {
        verdict = new AnswerVerifier.Verdict("error", "the call failed: " + e.failure().tag());
      }
      call.dropHeldStream();
      call.quality(null);
      at++;
      escalate(call, cascade.get(at), verdict);
    }
    return next.proceed(call);
  }

  private static void escalate(Call call, String model, AnswerVerifier.Verdict verdict) {
    String from = call.model();
    call.route(
        model,
        call.routing()
            .escalatedTo(
                model,
                verdict.failure(),
                "escalated from " + from + " to " + model + ": " + verdict.detail()));
  }
}
