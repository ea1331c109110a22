package dev.lrcp.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.Faults;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenUsage;
import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.QualityScores;
import dev.lrcp.routing.ModelRouter;
import dev.lrcp.routing.RouteDecision;
import dev.lrcp.security.SecurityScanner;
import dev.lrcp.security.SecurityVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pipeline with lambdas for the model, scanner and scorer ports: no Spring context. */
class CompletionPipelineTests {

  final ModelCatalog catalog = ModelCatalog.load();
  final List<String> scanned = new ArrayList<>();
  final List<AnswerScorer.ScoringInput> scored = new ArrayList<>();
  SecurityVerdict verdict = new SecurityVerdict(0.2, false, null, Set.of("email"), true, null);

  final SecurityScanner scanner =
      (promptId, endpoint, prompt, document, client) -> {
        scanned.add(promptId + "|" + endpoint + "|" + prompt + "|" + document + "|" + client);
        return verdict;
      };

  final AnswerScorer scorer =
      new AnswerScorer() {
        @Override
        public QualityScores score(ScoringInput input) {
          scored.add(input);
          return new QualityScores(0.7, 0.6, true, 3);
        }

        @Override
        public void scoreLater(ScoringInput input) {
          throw new AssertionError("the pipeline scores on the caller's thread");
        }
      };

  /** The router's own rules are tested in routing; here: the named model, else flash. */
  static ModelRouter router() {
    ModelRouter router = mock(ModelRouter.class);
    when(router.route(anyString(), any()))
        .thenAnswer(
            inv -> {
              String named = inv.getArgument(1);
              return named == null
                  ? new RouteDecision("gemini-2.5-flash", "default")
                  : new RouteDecision(named, "request");
            });
    return router;
  }

  CompletionPipeline pipeline(LlmClient llm) {
    return new CompletionPipeline(router(), scanner, llm, scorer, catalog);
  }

  static Completion qa(String model) {
    return new Completion(
        "/qa",
        "qa",
        "What?",
        "Doc.",
        List.of(Message.user("Q: What?\nContext: Doc.")),
        model,
        new CallContext(
            new Faults(false, true, false, false), new CallTags(null, null, "key:abc")));
  }

  @Test
  void everyStepSeesTheSamePromptIdAndTheMetadataDescribesTheAnsweringModel() {
    var sent = new ArrayList<LlmRequest>();
    LlmClient llm =
        request -> {
          sent.add(request);
          request.stream().onText("Fall");
          // the resilience layer fell back from pro to flash after two retries
          return LlmResponse.of(
                  "Fallback answer here",
                  "gemini-2.5-flash",
                  "fake",
                  new TokenUsage(2000, 100, 50),
                  "STOP")
              .withResilience(2, true);
        };

    CompletionResponse response = pipeline(llm).complete(qa("gemini-2.5-pro"));

    LlmRequest request = sent.getFirst();
    CompletionMetadata m = response.metadata();
    assertThat(request.model()).isEqualTo("gemini-2.5-pro");
    assertThat(request.faults().retry()).isTrue();
    assertThat(request.tags().client()).isEqualTo("key:abc");
    assertThat(scanned).containsExactly(m.promptId() + "|/qa|What?|Doc.|key:abc");
    assertThat(scored.getFirst().promptId()).isEqualTo(m.promptId());
    assertThat(scored.getFirst().model()).isEqualTo("gemini-2.5-flash");
    assertThat(scored.getFirst().answer()).isEqualTo("Fallback answer here");
    assertThat(request.promptId()).isEqualTo(m.promptId());
    assertThat(response.answer()).isEqualTo("Fallback answer here");
    assertThat(m.model()).isEqualTo("gemini-2.5-flash");
    assertThat(m.requestedModel()).isEqualTo("gemini-2.5-pro");
    assertThat(m.retryCount()).isEqualTo(2);
    assertThat(m.fallbackUsed()).isTrue();
    assertThat(m.thinkingTokens()).isEqualTo(50);
    // flash: 2000 x $0.30 + (100 + 50 thinking) x $2.50 per 1M
    assertThat(m.costUsd()).isCloseTo(0.000975, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(m.timeToFirstTokenMs()).isLessThanOrEqualTo(m.latencyMs());
    assertThat(m.piiTypes()).containsExactly("email");
    assertThat(m.tokenAbuse()).isTrue();
    assertThat(m.ungrounded()).isTrue();
    assertThat(m.groundingScore()).isEqualTo(0.6);
  }

  @Test
  void eachCompletionGetsItsOwnPromptId() {
    LlmClient llm = r -> LlmResponse.of("a", r.model(), "fake", TokenUsage.ZERO, "STOP");
    var pipeline = pipeline(llm);
    assertThat(pipeline.complete(qa(null)).metadata().promptId())
        .isNotEqualTo(pipeline.complete(qa(null)).metadata().promptId());
  }

  @Test
  void aBlockedRequestNeverReachesTheModel() {
    verdict = new SecurityVerdict(0.99, true, "document", Set.of(), false, "indirect_injection");
    LlmClient llm =
        r -> {
          throw new AssertionError("must not be called");
        };
    assertThatThrownBy(() -> pipeline(llm).complete(qa(null)))
        .isInstanceOfSatisfying(
            PolicyBlockedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("indirect_injection");
              assertThat(scanned.getFirst()).startsWith(e.promptId() + "|");
            });
    assertThat(scored).isEmpty();
  }

  @Test
  void anUpstreamFailureKeepsItsKindAndGainsThePromptId() {
    LlmClient llm =
        r -> {
          throw new LlmException(LlmFailure.TIMEOUT, r.model(), "fake", "deadline");
        };
    assertThatThrownBy(() -> pipeline(llm).complete(qa(null)))
        .isInstanceOfSatisfying(
            CompletionFailedException.class,
            e -> {
              assertThat(e.failure().failure()).isEqualTo(LlmFailure.TIMEOUT);
              assertThat(scanned.getFirst()).startsWith(e.promptId() + "|");
            });
    assertThat(scored).isEmpty();
  }
}
