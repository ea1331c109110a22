package dev.lrcp.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.flow.CallRecord.Outcome;
import dev.lrcp.flow.CallRequest.Scoring;
import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The flow with stages and a model port written as lambdas: no Spring context. */
class CallFlowTests {

  static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

  final ModelCatalog catalog = ModelCatalog.load();
  final List<Object> published = new ArrayList<>();
  final List<String> trail = new ArrayList<>();
  final Deadlines deadlines = new Deadlines();

  @AfterEach
  void stopTimer() {
    deadlines.close();
  }

  CallFlow flow(LlmClient llm, CallStage... stages) {
    return new CallFlow(
        List.of(stages), llm, catalog, published::add, Clock.fixed(T, ZoneOffset.UTC), deadlines);
  }

  /** A stage that notes when the call enters and leaves it. */
  CallStage traced(Stage stage) {
    return new CallStage() {
      @Override
      public Stage stage() {
        return stage;
      }

      @Override
      public LlmResponse apply(Call call, Next next) {
        trail.add("in " + stage);
        try {
          return next.proceed(call);
        } finally {
          trail.add("out " + stage);
        }
      }
    };
  }

  CallStage routeTo(String model) {
    return new CallStage() {
      @Override
      public Stage stage() {
        return Stage.ROUTE;
      }

      @Override
      public LlmResponse apply(Call call, Next next) {
        call.route(model, new CallRecord.Routing("static", "default"));
        return next.proceed(call);
      }
    };
  }

  static LlmClient answering(String text) {
    return r -> LlmResponse.of(text, r.model(), "fake", new TokenUsage(2000, 100, 50), "STOP");
  }

  List<CallRecord> records() {
    return published.stream()
        .filter(CallRecord.class::isInstance)
        .map(CallRecord.class::cast)
        .toList();
  }

  @Test
  void stagesRunInTheOneOrderWhateverOrderTheyAreGivenIn() {
    var flow =
        flow(
            r -> {
              trail.add("model");
              return answering("a").generate(r);
            },
            traced(Stage.TRACE),
            traced(Stage.ADMIT),
            traced(Stage.SCORE),
            routeTo("gemini-2.5-flash"),
            traced(Stage.SCAN));

    flow.run(CallFixtures.qa(null, Scoring.NOW));

    assertThat(flow.stages())
        .containsExactly(Stage.ADMIT, Stage.ROUTE, Stage.SCAN, Stage.SCORE, Stage.TRACE);
    assertThat(trail)
        .containsExactly(
            "in ADMIT",
            "in SCAN",
            "in SCORE",
            "in TRACE",
            "model",
            "out TRACE",
            "out SCORE",
            "out SCAN",
            "out ADMIT");
  }

  @Test
  void oneCallIsTimedPricedAndRecordedOnceUnderItsOwnPromptId() {
    var sent = new ArrayList<LlmRequest>();
    LlmClient llm =
        request -> {
          sent.add(request);
          // the resilience layer fell back from pro to flash after two retries
          return LlmResponse.of(
                  "Fallback answer",
                  "gemini-2.5-flash",
                  "fake",
                  new TokenUsage(2000, 100, 50),
                  "STOP")
              .withResilience(2, true);
        };
    var flow = flow(llm);

    CallResult result = flow.run(CallFixtures.qa("gemini-2.5-pro", Scoring.NOW));
    CallResult other = flow.run(CallFixtures.qa("gemini-2.5-pro", Scoring.NOW));

    LlmRequest request = sent.getFirst();
    assertThat(request.promptId()).isEqualTo(result.promptId()).isNotEqualTo(other.promptId());
    assertThat(request.model()).isEqualTo("gemini-2.5-pro");
    assertThat(request.faults().retry()).isTrue();
    assertThat(request.tags().client()).isEqualTo("key:abc");
    assertThat(records()).hasSize(2).first().isEqualTo(result.record());
    CallRecord record = result.record();
    assertThat(record.promptId()).isEqualTo(result.promptId());
    assertThat(record.at()).isEqualTo(T);
    assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(record.labels().model()).isEqualTo("gemini-2.5-flash");
    assertThat(record.labels().requestedModel()).isEqualTo("gemini-2.5-pro");
    assertThat(record.labels().injected()).as("simulate_retry is drill traffic").isTrue();
    assertThat(record.numbers().retryCount()).isEqualTo(2);
    assertThat(record.numbers().fallbackUsed()).isTrue();
    // flash: 2000 x $0.30 + (100 + 50 thinking) x $2.50 per 1M
    assertThat(record.numbers().costUsd())
        .isCloseTo(0.000975, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(record.numbers().ttftMs()).isEqualTo(record.numbers().latencyMs());
  }

  @Test
  void aStreamLearnsTheCallAndItsModelBeforeTheFirstDelta() {
    var seen = new ArrayList<String>();
    AnswerStream stream =
        new AnswerStream() {
          @Override
          public void begin(String promptId, String model) {
            seen.add("begin " + promptId + " " + model);
          }

          @Override
          public void onText(String delta) {
            seen.add(delta);
          }
        };
    LlmClient llm =
        r -> {
          r.stream().onText("Hel");
          r.stream().onText("lo");
          return answering("Hello").generate(r);
        };
    var request = CallFixtures.qa(null, Scoring.LATER);
    var streamed =
        new CallRequest(
            request.endpoint(),
            request.requestType(),
            request.question(),
            null,
            request.messages(),
            null,
            null,
            null,
            null,
            stream,
            Scoring.NOW,
            null,
            null);

    CallResult result = flow(llm, routeTo("gemini-2.5-flash")).run(streamed);

    assertThat(seen)
        .containsExactly("begin " + result.promptId() + " gemini-2.5-flash", "Hel", "lo");
    assertThat(result.record().numbers().ttftMs())
        .isLessThanOrEqualTo(result.record().numbers().latencyMs());
  }

  @Test
  void anUpstreamFailureKeepsItsKindGainsThePromptIdAndIsRecorded() {
    LlmClient llm =
        r -> {
          throw new LlmException(LlmFailure.TIMEOUT, r.model(), "fake", "deadline");
        };

    assertThatThrownBy(
            () -> flow(llm, routeTo("gemini-2.5-pro")).run(CallFixtures.qa(null, Scoring.NOW)))
        .isInstanceOfSatisfying(
            CallFailedException.class,
            e -> {
              assertThat(e.failure().failure()).isEqualTo(LlmFailure.TIMEOUT);
              assertThat(records())
                  .singleElement()
                  .satisfies(
                      r -> {
                        assertThat(r.promptId()).isEqualTo(e.promptId());
                        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
                        assertThat(r.failure()).isEqualTo(LlmFailure.TIMEOUT);
                        assertThat(r.numbers().costUsd()).isZero();
                        assertThat(r.provider()).isEqualTo("fake");
                      });
            });
  }

  @Test
  void aStreamCutAfterItsFirstDeltaIsRecordedAsTruncatedNeverAsASuccess() {
    LlmClient llm =
        r -> {
          r.stream().onText("Hel");
          throw new LlmException(LlmFailure.UNAVAILABLE, r.model(), "fake", "connection reset");
        };
    var request = CallFixtures.qa(null, Scoring.NOW);
    var streamed =
        new CallRequest(
            request.endpoint(),
            request.requestType(),
            request.question(),
            null,
            request.messages(),
            null,
            null,
            null,
            null,
            new AnswerStream() {
              @Override
              public void begin(String promptId, String model) {}

              @Override
              public void onText(String delta) {}
            },
            Scoring.NOW,
            null,
            null);

    assertThatThrownBy(() -> flow(llm, routeTo("gemini-2.5-flash")).run(streamed))
        .isInstanceOf(CallFailedException.class);

    assertThat(records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.TRUNCATED);
              assertThat(r.failure()).isEqualTo(LlmFailure.UNAVAILABLE);
              assertThat(r.failed()).isTrue();
            });
  }

  @Test
  void aCallRefusedAfterItsScanIsRecordedAsBlockedAndOneRefusedBeforeLeavesNoRecord() {
    LlmClient never =
        r -> {
          throw new AssertionError("must not be called");
        };
    CallStage blockingScan =
        new CallStage() {
          @Override
          public Stage stage() {
            return Stage.SCAN;
          }

          @Override
          public LlmResponse apply(Call call, Next next) {
            call.security(new CallRecord.Security(0.99, true, "prompt", Set.of(), false, true));
            throw new IllegalStateException("blocked");
          }
        };
    CallStage refusingAdmission =
        new CallStage() {
          @Override
          public Stage stage() {
            return Stage.ADMIT;
          }

          @Override
          public LlmResponse apply(Call call, Next next) {
            throw new IllegalArgumentException("no key");
          }
        };

    assertThatThrownBy(
            () -> flow(never, routeTo("m"), blockingScan).run(CallFixtures.qa(null, Scoring.NOW)))
        .hasMessage("blocked");
    assertThat(records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.BLOCKED);
              assertThat(r.called()).isFalse();
              assertThat(r.security().blocked()).isTrue();
            });

    assertThatThrownBy(() -> flow(never, refusingAdmission).run(CallFixtures.qa(null, Scoring.NOW)))
        .hasMessage("no key");
    assertThat(records()).hasSize(1);
  }

  @Test
  void aBackgroundScoreIsFoldedIntoTheOneRecordWhetherItArrivesBeforeOrAfterTheCallEnds() {
    var later = new ArrayList<QualityLater>();
    CallStage scoringLater =
        new CallStage() {
          @Override
          public Stage stage() {
            return Stage.SCORE;
          }

          @Override
          public LlmResponse apply(Call call, Next next) {
            LlmResponse response = next.proceed(call);
            QualityLater handle = call.scoreLater();
            if (call.request().question().equals("early")) {
              handle.complete(CallRecord.Quality.scored(0.9, null, false));
            } else {
              later.add(handle);
            }
            return response;
          }
        };
    var flow = flow(answering("a"), routeTo("gemini-2.5-flash"), scoringLater);

    var early = flow.run(request("early"));
    assertThat(records()).singleElement().extracting(CallRecord::quality).isNotNull();
    assertThat(records().getFirst().promptId()).isEqualTo(early.promptId());

    var late = flow.run(request("late"));
    assertThat(late.record().quality()).as("not known when the answer returned").isNull();
    assertThat(records()).hasSize(1);
    later.getFirst().complete(CallRecord.Quality.scored(0.4, null, false));
    later.getFirst().complete(CallRecord.Quality.scored(0.1, null, false));
    assertThat(records())
        .hasSize(2)
        .last()
        .satisfies(
            r -> {
              assertThat(r.promptId()).isEqualTo(late.promptId());
              assertThat(r.quality().semanticSimilarity()).isEqualTo(0.4);
            });
  }

  @Test
  void recordsStillWaitingForTheirScoreArePublishedOnceEachWhenAsked() {
    var later = new ArrayList<QualityLater>();
    CallStage scoringLater =
        new CallStage() {
          @Override
          public Stage stage() {
            return Stage.SCORE;
          }

          @Override
          public LlmResponse apply(Call call, Next next) {
            LlmResponse response = next.proceed(call);
            later.add(call.scoreLater());
            return response;
          }
        };
    var flow = flow(answering("a"), routeTo("gemini-2.5-flash"), scoringLater);
    var scored = flow.run(request("scored in time"));
    var waiting = flow.run(request("still waiting"));
    later.getFirst().complete(CallRecord.Quality.scored(0.8, null, false));
    assertThat(records()).hasSize(1);

    flow.publishWaiting();
    later.getLast().complete(CallRecord.Quality.scored(0.3, null, false));

    assertThat(records())
        .extracting(CallRecord::promptId)
        .containsExactly(scored.promptId(), waiting.promptId());
    assertThat(records().getLast().quality().unscored()).isEqualTo("late");
  }

  @Test
  void aFailingListenerNeverFailsTheCall() {
    var flow =
        new CallFlow(
            List.of(routeTo("gemini-2.5-flash")),
            answering("fine"),
            catalog,
            event -> {
              throw new IllegalStateException("listener bug");
            },
            Clock.fixed(T, ZoneOffset.UTC),
            deadlines);

    assertThat(flow.run(CallFixtures.qa(null, Scoring.NOW)).response().text()).isEqualTo("fine");
  }

  /** A stage that installs a gate, as the admission stage does. */
  CallStage gating(AttemptGate gate) {
    return new CallStage() {
      @Override
      public Stage stage() {
        return Stage.ADMIT;
      }

      @Override
      public LlmResponse apply(Call call, Next next) {
        call.gate(gate);
        return next.proceed(call);
      }
    };
  }

  @Test
  void everyAttemptPassesTheGateWithItsModelOutsideTheTraceAndIsSettledWithIt() {
    var settled = new ArrayList<Attempt>();
    var flow =
        flow(
            r -> {
              trail.add("model " + r.model());
              return answering("a").generate(r);
            },
            routeTo("gemini-2.5-flash"),
            gating(
                (call, model) -> {
                  trail.add("gate " + model);
                  return settled::add;
                }),
            traced(Stage.TRACE));

    flow.run(CallFixtures.qa(null, Scoring.NOW));

    assertThat(trail)
        .containsExactly(
            "gate gemini-2.5-flash", "in TRACE", "model gemini-2.5-flash", "out TRACE");
    assertThat(settled).singleElement().satisfies(a -> assertThat(a.costUsd()).isPositive());
  }

  @Test
  void aRefusedAttemptCallsNoModelOpensNoTraceAndLeavesNoRecord() {
    var flow =
        flow(
            r -> {
              trail.add("model");
              return answering("a").generate(r);
            },
            routeTo("gemini-2.5-flash"),
            gating(
                (call, model) -> {
                  throw new IllegalStateException("over budget");
                }),
            traced(Stage.TRACE));

    assertThatThrownBy(() -> flow.run(CallFixtures.qa(null, Scoring.NOW)))
        .hasMessage("over budget");
    assertThat(trail).isEmpty();
    assertThat(records()).isEmpty();
  }

  @Test
  void anAnswerFromTheCacheIsRecordedWithoutAModelAttemptAndWithItsSaving() {
    CallStage cache =
        new CallStage() {
          @Override
          public Stage stage() {
            return Stage.CACHE;
          }

          @Override
          public LlmResponse apply(Call call, Next next) {
            var answer = LlmResponse.of("cached", call.model(), "fake", TokenUsage.ZERO, "STOP");
            return call.answerFromCache(answer, new CallRecord.Cache(CallRecord.Cache.HIT, 0.002));
          }
        };
    var flow =
        flow(
            r -> {
              throw new AssertionError("the model is not called on a hit");
            },
            routeTo("gemini-2.5-flash"),
            cache,
            traced(Stage.SCORE));

    CallResult result = flow.run(CallFixtures.qa(null, Scoring.NOW));

    assertThat(result.response().text()).isEqualTo("cached");
    assertThat(trail).as("stages after the cache are skipped").isEmpty();
    CallRecord record = records().getFirst();
    assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(record.fromCache()).isTrue();
    assertThat(record.cache().savedUsd()).isEqualTo(0.002);
    assertThat(record.labels().provider()).isEqualTo(CallRecord.CACHE_PROVIDER);
    assertThat(record.numbers().costUsd()).isZero();
    assertThat(record.numbers().inputTokens()).isZero();
  }

  private static CallRequest request(String question) {
    return new CallRequest(
        "/v1/chat/completions",
        "chat",
        question,
        null,
        List.of(Message.user(question)),
        null,
        null,
        null,
        null,
        null,
        Scoring.LATER,
        null,
        null);
  }
}
