package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.AnswerStream;
import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.flow.CallResult;
import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmProperties.Provider;
import dev.lrcp.llm.LlmRequest.GenerationOptions;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenUsage;
import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.QualityScores;
import dev.lrcp.routing.RoutingProperties.Holds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cascade in the real flow: route to the cheap model, verify its answer, escalate to the strong
 * one when it fails. Models are lambdas; the scorer grounds an answer when the document contains it
 * word for word.
 */
class CascadeStageTests {

  static final String DOCUMENT = "Paris is the capital of France. It lies on the Seine.";
  static final String GROUNDED = "Paris is the capital of France.";
  static final TokenUsage USAGE = new TokenUsage(1000, 100, 0);

  final ModelCatalog catalog = ModelCatalog.load();
  final Deadlines deadlines = new Deadlines();
  final List<String> called = new CopyOnWriteArrayList<>();
  final List<String> scored = new CopyOnWriteArrayList<>();
  final List<CallRecord> records = new ArrayList<>();

  @AfterEach
  void stopTimer() {
    deadlines.close();
  }

  /** Grounded (0.95) when the document contains the answer, else 0.1. */
  final AnswerScorer scorer =
      new AnswerScorer() {
        @Override
        public QualityScores score(ScoringInput input) {
          scored.add(input.answer());
          double grounding = input.document().contains(input.answer().strip()) ? 0.95 : 0.1;
          return new QualityScores(grounding, grounding, grounding < 0.5, 5);
        }

        @Override
        public void scoreLater(ScoringInput input, Outcome outcome) {
          throw new AssertionError("not used");
        }
      };

  CallFlow flow(Map<String, LlmResponse> answers) {
    LlmClient llm =
        request -> {
          called.add(request.model());
          LlmResponse answer = answers.get(request.model());
          if (answer == null) {
            throw new LlmException(LlmFailure.UNAVAILABLE, request.model(), "fake", "down");
          }
          for (String word : answer.text().split(" ")) {
            request.stream().onText(word + " ");
          }
          return answer;
        };
    var properties =
        new RoutingProperties(
            "gemini-2.5-flash",
            null,
            Map.of(
                "qa",
                new PolicySpec(
                    Policy.CASCADE, List.of("gemini-2.5-flash", "gemini-2.5-pro"), null)),
            null,
            null,
            Holds.DEFAULT,
            null);
    var router =
        new ModelRouter(
            new RoutingPolicies(properties, catalog, Provider.SIMULATED),
            (endpoint, application) -> Optional.empty(),
            (endpoint, models) -> Map.of(),
            new CheapestThatHolds(properties.holds(), ModelRouter.THREAD_LOCAL));
    return new CallFlow(
        List.of(new CascadeStage(new AnswerVerifier(scorer, 0.5)), new RouteStage(router)),
        llm,
        catalog,
        event -> {
          if (event instanceof CallRecord r) {
            records.add(r);
          }
        },
        Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
        deadlines);
  }

  static LlmResponse answer(String model, String text) {
    return LlmResponse.of(text, model, "fake", USAGE, "STOP");
  }

  static CallRequest qa(AnswerStream stream, boolean json) {
    return new CallRequest(
        "/qa",
        "qa",
        "What is the capital of France?",
        DOCUMENT,
        List.of(Message.user("Q: What is the capital of France?\nContext: " + DOCUMENT)),
        null,
        new GenerationOptions(2048, 0.7, json),
        null,
        CallTags.NONE,
        stream,
        CallRequest.Scoring.NOW,
        null,
        null);
  }

  double cost(String model) {
    return catalog.cost(model, USAGE);
  }

  @Test
  void anUngroundedCheapAnswerEscalatesToTheStrongModelAndCountsBothAttemptsAsSpend() {
    CallResult result =
        flow(Map.of(
                "gemini-2.5-flash", answer("gemini-2.5-flash", "Paris is in Germany."),
                "gemini-2.5-pro", answer("gemini-2.5-pro", GROUNDED)))
            .run(qa(null, false));

    assertThat(called).containsExactly("gemini-2.5-flash", "gemini-2.5-pro");
    assertThat(result.response().text()).isEqualTo(GROUNDED);
    CallRecord record = records.getFirst();
    assertThat(record.model()).isEqualTo("gemini-2.5-pro");
    CallRecord.Routing routing = record.routing();
    assertThat(routing.policy()).isEqualTo("cascade");
    assertThat(routing.escalated()).isTrue();
    assertThat(routing.escalation()).isEqualTo("ungrounded");
    assertThat(routing.chosenModel()).isEqualTo("gemini-2.5-pro");
    assertThat(routing.detail()).contains("grounding 0.10 below 0.50");
    assertThat(record.numbers().costUsd())
        .isEqualTo(cost("gemini-2.5-flash") + cost("gemini-2.5-pro"));
    // the reference's cost for the same tokens minus both attempts: the cheap attempt was a loss
    assertThat(routing.savingsUsd())
        .isCloseTo(-cost("gemini-2.5-flash"), org.assertj.core.api.Assertions.within(1e-12));
    // the escalated answer is left for the score stage: no quality from the verifier
    assertThat(record.quality()).isNull();
  }

  @Test
  void aGroundedCheapAnswerIsKeptSavingTheDifferenceAndItsScoreIsNotComputedTwice() {
    CallResult result =
        flow(Map.of("gemini-2.5-flash", answer("gemini-2.5-flash", GROUNDED))).run(qa(null, false));

    assertThat(called).containsExactly("gemini-2.5-flash");
    assertThat(result.response().model()).isEqualTo("gemini-2.5-flash");
    CallRecord.Routing routing = records.getFirst().routing();
    assertThat(routing.escalated()).isFalse();
    assertThat(routing.reason()).isEqualTo("cascade");
    assertThat(routing.referenceModel()).isEqualTo("gemini-2.5-pro");
    assertThat(routing.savingsUsd())
        .isCloseTo(
            cost("gemini-2.5-pro") - cost("gemini-2.5-flash"),
            org.assertj.core.api.Assertions.within(1e-12))
        .isPositive();
    assertThat(scored).containsExactly(GROUNDED);
    assertThat(records.getFirst().quality().groundingScore()).isEqualTo(0.95);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "refusal, I don't know the answer to that., STOP, false",
    "length, Paris is, MAX_TOKENS, false",
    "invalid_json, {\"answer\": \"Paris, STOP, true",
    "safety_block, Response blocked due to safety policy: SAFETY, SAFETY, false"
  })
  void everyVerifierFailureEscalates(String failure, String text, String finish, boolean json) {
    var cheap =
        new LlmResponse(
            text,
            "gemini-2.5-flash",
            "fake",
            USAGE,
            failure.equals("safety_block"),
            finish,
            0,
            false);
    var strong = answer("gemini-2.5-pro", json ? "{\"answer\": \"Paris\"}" : GROUNDED);

    flow(Map.of("gemini-2.5-flash", cheap, "gemini-2.5-pro", strong)).run(qa(null, json));

    assertThat(called).containsExactly("gemini-2.5-flash", "gemini-2.5-pro");
    assertThat(records.getFirst().routing().escalation()).isEqualTo(failure);
  }

  @Test
  void aFailedCheapCallEscalatesToo() {
    flow(Map.of("gemini-2.5-pro", answer("gemini-2.5-pro", GROUNDED))).run(qa(null, false));

    assertThat(called).containsExactly("gemini-2.5-flash", "gemini-2.5-pro");
    assertThat(records.getFirst().routing().escalation()).isEqualTo("error");
    assertThat(records.getFirst().outcome()).isEqualTo(CallRecord.Outcome.SUCCESS);
  }

  /** What a streaming caller receives. */
  static final class Received implements AnswerStream {
    final List<String> events = new ArrayList<>();

    @Override
    public void begin(String promptId, String model) {
      events.add("begin " + model);
    }

    @Override
    public void onText(String delta) {
      events.add(delta);
    }
  }

  @Test
  void aStreamNeverSeesACheapAnswerThatFailsVerification() {
    var received = new Received();

    flow(Map.of(
            "gemini-2.5-flash", answer("gemini-2.5-flash", "Paris is in Germany."),
            "gemini-2.5-pro", answer("gemini-2.5-pro", GROUNDED)))
        .run(qa(received, false));

    assertThat(received.events)
        .containsExactly(
            "begin gemini-2.5-pro", "Paris ", "is ", "the ", "capital ", "of ", "France. ");
    // the caller's first token came after the whole cheap answer and the strong one's first delta
    CallRecord record = records.getFirst();
    assertThat(record.numbers().ttftMs()).isLessThanOrEqualTo(record.numbers().latencyMs());
  }

  @Test
  void aStreamGetsAVerifiedCheapAnswerOnlyAfterItWasChecked() {
    var received = new Received();
    var seenWhenScored = new ArrayList<Integer>();
    scored.clear();

    flow(Map.of("gemini-2.5-flash", answer("gemini-2.5-flash", GROUNDED)))
        .run(
            new CallRequest(
                "/qa",
                "qa",
                "What is the capital of France?",
                DOCUMENT,
                List.of(Message.user("Q")),
                null,
                null,
                null,
                CallTags.NONE,
                new AnswerStream() {
                  @Override
                  public void begin(String promptId, String model) {
                    seenWhenScored.add(scored.size());
                    received.begin(promptId, model);
                  }

                  @Override
                  public void onText(String delta) {
                    received.onText(delta);
                  }
                },
                CallRequest.Scoring.NOW,
                null,
                null));

    assertThat(seenWhenScored).containsExactly(1); // begun only once the answer was scored
    assertThat(received.events)
        .containsExactly(
            "begin gemini-2.5-flash", "Paris ", "is ", "the ", "capital ", "of ", "France. ");
  }
}
