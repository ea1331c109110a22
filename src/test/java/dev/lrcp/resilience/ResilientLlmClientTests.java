package dev.lrcp.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.SharedDeadlines;
import dev.lrcp.llm.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ResilientLlmClientTests {

  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
  private final List<Object> events = Collections.synchronizedList(new ArrayList<>());
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  static ResilienceProperties settings(int maxAttempts, Duration timeout, List<String> fallbacks) {
    return new ResilienceProperties(
        timeout,
        maxAttempts,
        new ResilienceProperties.Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(2), 0.5),
        new ResilienceProperties.Breaker(50, 4, 4, Duration.ofSeconds(30), 1),
        fallbacks,
        new ResilienceProperties.FaultSettings(Duration.ofMillis(2500), 20, 400_000));
  }

  private ResilientLlmClient resilient(LlmClient delegate, ResilienceProperties settings) {
    var breakers = new ModelBreakers(settings.breaker(), "test", events::add, clock);
    var backoff = new RetryBackoff(settings.backoff(), new java.util.SplittableRandom(1));
    return new ResilientLlmClient(
        delegate, settings, "test", SharedDeadlines.INSTANCE, breakers, slept::add, backoff);
  }

  static LlmRequest request(String model) {
    return new LlmRequest(
        "p-1", "/reason", "reason", model, List.of(Message.user("hi")), null, null, null, null);
  }

  static LlmResponse ok(LlmRequest r) {
    return LlmResponse.of("fine", r.model(), "test", new TokenUsage(1, 1, 0), "STOP");
  }

  static LlmException fail(LlmRequest r, LlmFailure kind) {
    return new LlmException(kind, r.model(), "test", kind.tag());
  }

  @Test
  void retriesRetryableFailuresWithGrowingBackoffThenSucceeds() {
    var calls = new AtomicInteger();
    LlmClient flaky =
        r -> {
          if (calls.incrementAndGet() <= 2) {
            throw fail(r, LlmFailure.RATE_LIMITED);
          }
          return ok(r);
        };
    LlmResponse response =
        resilient(flaky, settings(3, Duration.ofSeconds(5), List.of()))
            .generate(request("gemini-2.5-flash"));
    assertThat(response.text()).isEqualTo("fine");
    assertThat(response.retryCount()).isEqualTo(2);
    assertThat(response.fallbackUsed()).isFalse();
    assertThat(slept).hasSize(2);
    assertThat(slept.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(slept.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void aRateLimitIsNeverRetriedSoonerThanItsRetryAfter() {
    var calls = new AtomicInteger();
    LlmClient limited =
        r -> {
          if (calls.incrementAndGet() == 1) {
            throw fail(r, LlmFailure.RATE_LIMITED).withRetryAfter(Duration.ofMillis(1500));
          }
          return ok(r);
        };
    LlmResponse response =
        resilient(limited, settings(3, Duration.ofSeconds(5), List.of()))
            .generate(request("gemini-2.5-flash"));
    assertThat(response.retryCount()).isEqualTo(1);
    assertThat(slept).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void aRetryAfterLongerThanTheLongestBackoffGoesToTheNextModelWithoutWaiting() {
    var seen = new ArrayList<String>();
    LlmClient limited =
        r -> {
          seen.add(r.model());
          if (r.model().equals("gpt-4o")) {
            throw fail(r, LlmFailure.RATE_LIMITED).withRetryAfter(Duration.ofSeconds(30));
          }
          return ok(r);
        };
    LlmResponse response =
        resilient(limited, settings(3, Duration.ofSeconds(5), List.of("gpt-4o>gpt-4o-mini")))
            .generate(request("gpt-4o"));
    assertThat(seen).containsExactly("gpt-4o", "gpt-4o-mini");
    assertThat(response.fallbackUsed()).isTrue();
    assertThat(slept).isEmpty();

    assertThatThrownBy(
            () ->
                resilient(limited, settings(3, Duration.ofSeconds(5), List.of()))
                    .generate(request("gpt-4o")))
        .isInstanceOfSatisfying(
            LlmException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    assertThat(slept).isEmpty();
  }

  @Test
  void neverRetriesFailuresThatCannotHeal() {
    for (LlmFailure kind : LlmFailure.values()) {
      if (kind.retryable()) {
        continue;
      }
      var calls = new AtomicInteger();
      LlmClient broken =
          r -> {
            calls.incrementAndGet();
            throw fail(r, kind);
          };
      assertThatThrownBy(
              () ->
                  resilient(broken, settings(3, Duration.ofSeconds(5), List.of()))
                      .generate(request("m")))
          .isInstanceOfSatisfying(
              LlmException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(kind);
                assertThat(e.retryCount()).isZero();
              });
      assertThat(calls).as(kind.name()).hasValue(1);
    }
    assertThat(slept).isEmpty();
  }

  @Test
  void givesUpAfterMaxAttemptsAndReportsTheRetriesSpent() {
    var calls = new AtomicInteger();
    LlmClient down =
        r -> {
          calls.incrementAndGet();
          throw fail(r, LlmFailure.UNAVAILABLE);
        };
    assertThatThrownBy(
            () ->
                resilient(down, settings(4, Duration.ofSeconds(5), List.of()))
                    .generate(request("m")))
        .isInstanceOfSatisfying(
            LlmException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(LlmFailure.UNAVAILABLE);
              assertThat(e.retryCount()).isEqualTo(3);
              assertThat(e.fallbackUsed()).isFalse();
            });
    assertThat(calls).hasValue(4);
  }

  @Test
  void fallsBackAlongTheChainAndSaysSo() {
    var seen = new ArrayList<String>();
    LlmClient proDown =
        r -> {
          seen.add(r.model());
          if (r.model().equals("gemini-2.5-pro")) {
            throw fail(r, LlmFailure.UNAVAILABLE);
          }
          return ok(r);
        };
    var settings =
        settings(
            2,
            Duration.ofSeconds(5),
            List.of("gemini-2.5-pro>gemini-2.5-flash>gemini-2.5-flash-lite"));
    LlmResponse response = resilient(proDown, settings).generate(request("gemini-2.5-pro"));
    assertThat(response.model()).isEqualTo("gemini-2.5-flash");
    assertThat(response.fallbackUsed()).isTrue();
    assertThat(response.retryCount()).isEqualTo(1);
    assertThat(seen).containsExactly("gemini-2.5-pro", "gemini-2.5-pro", "gemini-2.5-flash");
  }

  @Test
  void whenTheWholeChainFailsTheLastFailureCarriesFallbackAndRetries() {
    LlmClient allDown =
        r -> {
          throw fail(r, LlmFailure.UPSTREAM_ERROR);
        };
    var settings = settings(2, Duration.ofSeconds(5), List.of("a>b", "b>a"));
    assertThatThrownBy(() -> resilient(allDown, settings).generate(request("a")))
        .isInstanceOfSatisfying(
            LlmException.class,
            e -> {
              assertThat(e.model()).isEqualTo("b");
              assertThat(e.fallbackUsed()).isTrue();
              assertThat(e.retryCount()).isEqualTo(2);
            });
  }

  @Test
  void breakerOpensPerModelAndLeavesOtherModelsAlone() {
    var calls = new AtomicInteger();
    LlmClient aDown =
        r -> {
          calls.incrementAndGet();
          if (r.model().equals("a")) {
            throw fail(r, LlmFailure.UNAVAILABLE);
          }
          return ok(r);
        };
    var client = resilient(aDown, settings(1, Duration.ofSeconds(5), List.of()));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> client.generate(request("a")))
          .isInstanceOfSatisfying(
              LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.UNAVAILABLE));
    }
    assertThatThrownBy(() -> client.generate(request("a")))
        .isInstanceOfSatisfying(
            LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.CIRCUIT_OPEN));
    assertThat(calls).as("an open circuit does not call upstream").hasValue(4);
    assertThat(client.generate(request("b")).text()).isEqualTo("fine");
    assertThat(events)
        .containsExactly(new CircuitBreakerStateChanged(clock.instant(), "a", "test", "open"));
  }

  @Test
  void anOpenCircuitLetsATrialCallThroughAfterItsOpenDurationAndClosesOnSuccess() {
    var now = new java.util.concurrent.atomic.AtomicReference<>(clock.instant());
    Clock moving =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    var healthy = new java.util.concurrent.atomic.AtomicBoolean(false);
    LlmClient recovering =
        r -> {
          if (!healthy.get()) {
            throw fail(r, LlmFailure.UPSTREAM_ERROR);
          }
          return ok(r);
        };
    var settings = settings(1, Duration.ofSeconds(5), List.of());
    var breakers = new ModelBreakers(settings.breaker(), "test", events::add, moving);
    var backoff = new RetryBackoff(settings.backoff(), new java.util.SplittableRandom(1));
    var client =
        new ResilientLlmClient(
            recovering, settings, "test", SharedDeadlines.INSTANCE, breakers, slept::add, backoff);
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> client.generate(request("a"))).isInstanceOf(LlmException.class);
    }
    healthy.set(true);
    assertThatThrownBy(() -> client.generate(request("a")))
        .isInstanceOfSatisfying(
            LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.CIRCUIT_OPEN));
    now.set(now.get().plusSeconds(31));
    assertThat(client.generate(request("a")).text()).isEqualTo("fine");
    assertThat(events)
        .extracting(e -> ((CircuitBreakerStateChanged) e).state())
        .containsExactly("open", "half_open", "closed");
  }

  @Test
  void anOpenCircuitFallsBackToTheNextModel() {
    LlmClient aDown =
        r -> {
          if (r.model().equals("a")) {
            throw fail(r, LlmFailure.TIMEOUT);
          }
          return ok(r);
        };
    var noFallback = settings(1, Duration.ofSeconds(5), List.of());
    var breakers = new ModelBreakers(noFallback.breaker(), "test", events::add, clock);
    var backoff = new RetryBackoff(noFallback.backoff(), new java.util.SplittableRandom(1));
    var plain =
        new ResilientLlmClient(
            aDown, noFallback, "test", SharedDeadlines.INSTANCE, breakers, slept::add, backoff);
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> plain.generate(request("a"))).isInstanceOf(LlmException.class);
    }
    var withFallback = settings(1, Duration.ofSeconds(5), List.of("a>b"));
    var chained =
        new ResilientLlmClient(
            aDown, withFallback, "test", SharedDeadlines.INSTANCE, breakers, slept::add, backoff);
    LlmResponse response = chained.generate(request("a"));
    assertThat(response.model()).isEqualTo("b");
    assertThat(response.fallbackUsed()).isTrue();
  }

  @Test
  void anAttemptThatOutlivesTheTimeoutEndsInTimeout() {
    var never = new CountDownLatch(1);
    var interrupted = new CountDownLatch(1);
    LlmClient hanging =
        r -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
          return ok(r);
        };
    assertThatThrownBy(
            () ->
                resilient(hanging, settings(1, Duration.ofMillis(50), List.of()))
                    .generate(request("m")))
        .isInstanceOfSatisfying(
            LlmException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(LlmFailure.TIMEOUT);
              assertThat(e.provider()).isEqualTo("test");
            });
    awaitQuietly(interrupted);
    assertThat(interrupted.getCount()).as("the abandoned attempt is interrupted").isZero();
  }

  @Test
  void aStreamThatKeepsDeliveringOutlivesTheTimeoutButASilentOneDoesNot() {
    var timeout = Duration.ofMillis(400);
    // 30 deltas 40 ms apart: 1.2 s in all, three times the timeout, never 400 ms without a delta
    LlmClient steady =
        r -> {
          for (int i = 0; i < 30; i++) {
            r.stream().onText("x");
            sleepQuietly(Duration.ofMillis(40));
          }
          return ok(r);
        };
    var received = new StringBuilder();
    LlmResponse answer =
        resilient(steady, settings(1, timeout, List.of()))
            .generate(request("m").withStream(received::append));
    assertThat(answer.text()).isEqualTo("fine");
    assertThat(received).hasSize(30);

    LlmClient stalls =
        r -> {
          r.stream().onText("x");
          try {
            new CountDownLatch(1).await(); // silent after the first delta until interrupted
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw fail(r, LlmFailure.TIMEOUT);
        };
    assertThatThrownBy(
            () ->
                resilient(stalls, settings(1, timeout, List.of()))
                    .generate(request("m").withStream(d -> {})))
        .isInstanceOfSatisfying(
            LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.TIMEOUT));
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delivering", e);
    }
  }

  @Test
  void aTimedOutAttemptLeavesTheCallersThreadUninterrupted() {
    LlmClient hanging =
        r -> {
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a well-behaved adapter restores the flag
          }
          throw fail(r, LlmFailure.TIMEOUT);
        };
    assertThatThrownBy(
            () ->
                resilient(hanging, settings(1, Duration.ofMillis(20), List.of()))
                    .generate(request("m")))
        .isInstanceOf(LlmException.class);
    assertThat(Thread.currentThread().isInterrupted())
        .as("the deadline's interrupt does not leak into the caller's next work")
        .isFalse();
  }

  @Test
  void aStreamConsumerThatLeftIsPropagatedUnchangedAndNotRetried() {
    var calls = new AtomicInteger();
    var gone = new java.util.concurrent.CancellationException("client disconnected");
    LlmClient streaming =
        r -> {
          calls.incrementAndGet();
          r.stream().onText("first ");
          return ok(r);
        };
    var settings = settings(3, Duration.ofSeconds(5), List.of("m>n"));
    assertThatThrownBy(
            () ->
                resilient(streaming, settings)
                    .generate(
                        request("m")
                            .withStream(
                                d -> {
                                  throw gone;
                                })))
        .isSameAs(gone);
    assertThat(calls).hasValue(1);
  }

  @Test
  void nothingIsRetriedOnceTextHasBeenStreamed() {
    var calls = new AtomicInteger();
    LlmClient dropsMidStream =
        r -> {
          calls.incrementAndGet();
          r.stream().onText("partial ");
          throw fail(r, LlmFailure.UNAVAILABLE);
        };
    var received = new StringBuilder();
    Consumer<String> sink = received::append;
    var settings = settings(3, Duration.ofSeconds(5), List.of("m>n"));
    assertThatThrownBy(
            () ->
                resilient(dropsMidStream, settings).generate(request("m").withStream(sink::accept)))
        .isInstanceOf(LlmException.class);
    assertThat(calls).hasValue(1);
    assertThat(received).hasToString("partial ");
  }

  @Test
  void aSafetyBlockIsAnAnswerNotAFailure() {
    LlmClient blocking =
        r -> LlmResponse.safetyBlocked("SAFETY", r.model(), "test", TokenUsage.ZERO);
    LlmResponse response =
        resilient(blocking, settings(3, Duration.ofSeconds(5), List.of())).generate(request("m"));
    assertThat(response.safetyBlock()).isTrue();
    assertThat(response.retryCount()).isZero();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
