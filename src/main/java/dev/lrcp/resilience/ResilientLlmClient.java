package dev.lrcp.resilience;

import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.StreamListener;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Timeout per attempt, retries with backoff on retryable failures, a circuit breaker per model and
 * a fallback chain, in that nesting. Once text has been streamed to the caller nothing is retried
 * or re-routed, since the caller cannot un-see it. A failure that says when to come back ({@code
 * Retry-After}) is never retried sooner: the wait is at least what the upstream asked, and a wait
 * longer than the longest backoff is not taken at all (the chain's next model is tried instead, or
 * the failure goes to the caller with its wait). The response or exception says how many retries
 * were spent and whether a fallback model was used.
 */
public final class ResilientLlmClient implements LlmClient {

  private final LlmClient delegate;
  private final String provider;
  private final int maxAttempts;
  private final Map<String, String> fallbacks;
  private final AttemptTimer timer;
  private final RetryBackoff backoff;
  private final ModelBreakers breakers;
  private final Sleeper sleeper;
  private final Duration longestWait;

  public ResilientLlmClient(
      LlmClient delegate,
      ResilienceProperties settings,
      String provider,
      ApplicationEventPublisher events,
      Clock clock,
      Deadlines deadlines) {
    this(
        delegate,
        settings,
        provider,
        deadlines,
        new ModelBreakers(settings.breaker(), provider, events, clock),
        Sleeper.REAL,
        new RetryBackoff(settings.backoff(), new Random()));
  }

  ResilientLlmClient(
      LlmClient delegate,
      ResilienceProperties settings,
      String provider,
      Deadlines deadlines,
      ModelBreakers breakers,
      Sleeper sleeper,
      RetryBackoff backoff) {
    this.delegate = delegate;
    this.provider = provider;
    this.maxAttempts = settings.maxAttempts();
    this.fallbacks = settings.fallbackMap();
    this.timer = new AttemptTimer(settings.timeout(), provider, deadlines);
    this.breakers = breakers;
    this.sleeper = sleeper;
    this.backoff = backoff;
    this.longestWait = settings.backoff().max();
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    var streamed = new AtomicBoolean();
    // nobody listening: keep NONE so adapters fetch one JSON body instead of streaming upstream
    var pulse = new AttemptTimer.Pulse();
    LlmRequest tracked =
        request.stream() == StreamListener.NONE
            ? request
            : request.withStream(
                delta -> {
                  streamed.set(true);
                  pulse.beat();
                  request.stream().onText(delta);
                });
    var retries = new int[1];
    String model = request.model();
    boolean fallback = false;
    var tried = new HashSet<String>();
    while (true) {
      tried.add(model);
      try {
        LlmRequest attempt = fallback ? tracked.withModel(model) : tracked;
        return withRetries(attempt, retries, streamed, pulse).withResilience(retries[0], fallback);
      } catch (LlmException e) {
        String next = fallbacks.get(model);
        if (next == null
            || tried.contains(next)
            || streamed.get()
            || !worthFallingBack(e.failure())) {
          throw e.withResilience(retries[0], fallback);
        }
        model = next;
        fallback = true;
      }
    }
  }

  private LlmResponse withRetries(
      LlmRequest request, int[] retries, AtomicBoolean streamed, AttemptTimer.Pulse pulse) {
    CircuitBreaker breaker = breakers.of(request.model());
    for (int attempt = 1; ; attempt++) {
      if (!breaker.tryAcquirePermission()) {
        throw new LlmException(
            LlmFailure.CIRCUIT_OPEN,
            request.model(),
            provider,
            "circuit open for " + request.model());
      }
      long start = breaker.getCurrentTimestamp();
      try {
        LlmResponse response = timer.call(delegate, request, pulse);
        breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
        return response;
      } catch (CancellationException e) {
        breaker.releasePermission(); // the client went away: says nothing about the model
        throw e;
      } catch (LlmException e) {
        breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
        if (!e.failure().retryable()
            || attempt >= maxAttempts
            || streamed.get()
            || tooLongToWait(e)) {
          throw e;
        }
        retries[0]++;
        pause(attempt, e);
      }
    }
  }

  private boolean tooLongToWait(LlmException e) {
    return e.retryAfter().map(wait -> wait.compareTo(longestWait) > 0).orElse(false);
  }

  /** The backoff, or the upstream's own wait when it asked for longer. */
  private void pause(int retry, LlmException cause) {
    Duration wait = backoff.delay(retry);
    Duration asked = cause.retryAfter().orElse(Duration.ZERO);
    try {
      sleeper.sleep(asked.compareTo(wait) > 0 ? asked : wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  /** Credentials and request shape are the same on every model of the chain; the rest may heal. */
  private static boolean worthFallingBack(LlmFailure failure) {
    return switch (failure) {
      case AUTHENTICATION, INVALID_REQUEST -> false;
      case RATE_LIMITED, UPSTREAM_ERROR, UNAVAILABLE, TIMEOUT, MALFORMED_RESPONSE, CIRCUIT_OPEN ->
          true;
    };
  }
}
