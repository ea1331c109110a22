package dev.lrcp.completion;

import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.PromptIds;
import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.AnswerScorer.ScoringInput;
import dev.lrcp.routing.ModelRouter;
import dev.lrcp.routing.RouteDecision;
import dev.lrcp.security.SecurityScanner;
import dev.lrcp.security.SecurityVerdict;
import org.springframework.stereotype.Component;

/**
 * Runs one completion: route (bad model → 422 before any side effect), scan (block policy → 422),
 * call the decorated model port, score the answer, describe it. Upstream failures leave as {@link
 * CompletionFailedException} carrying the prompt id, never as a 200.
 */
@Component
public class CompletionPipeline {

  private final ModelRouter router;
  private final SecurityScanner scanner;
  private final LlmClient llm;
  private final AnswerScorer scorer;
  private final ModelCatalog catalog;

  CompletionPipeline(
      ModelRouter router,
      SecurityScanner scanner,
      LlmClient llm,
      AnswerScorer scorer,
      ModelCatalog catalog) {
    this.router = router;
    this.scanner = scanner;
    this.llm = llm;
    this.scorer = scorer;
    this.catalog = catalog;
  }

  public CompletionResponse complete(Completion completion) {
    String promptId = PromptIds.next();
    RouteDecision route = router.route(completion.requestType(), completion.requestedModel());
    SecurityVerdict verdict = scan(promptId, completion);
    var timing = new CallTiming();
    LlmResponse response = call(promptId, completion, route, timing);
    var quality =
        scorer.score(
            new ScoringInput(
                promptId,
                completion.endpoint(),
                response.model(),
                response.provider(),
                completion.question(),
                completion.document(),
                response.text()));
    double cost = catalog.cost(response.model(), response.usage());
    var facts = new CallFacts(promptId, route, response, timing, cost, quality, verdict);
    return new CompletionResponse(response.text(), facts.metadata());
  }

  private SecurityVerdict scan(String promptId, Completion completion) {
    SecurityVerdict verdict =
        scanner.scan(
            promptId,
            completion.endpoint(),
            completion.question(),
            completion.document(),
            completion.context().tags().client());
    if (verdict.blocked()) {
      throw new PolicyBlockedException(promptId, verdict.blockReason());
    }
    return verdict;
  }

  private LlmResponse call(
      String promptId, Completion completion, RouteDecision route, CallTiming timing) {
    var request =
        new LlmRequest(
            promptId,
            completion.endpoint(),
            completion.requestType(),
            route.model(),
            completion.messages(),
            null,
            completion.context().faults(),
            completion.context().tags(),
            timing);
    try {
      return llm.generate(request);
    } catch (LlmException e) {
      throw new CompletionFailedException(promptId, e);
    } finally {
      timing.stop();
    }
  }
}
