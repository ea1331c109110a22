package dev.lrcp.telemetry;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmCallCompleted.Outcome;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.StreamListener;
import dev.lrcp.llm.TokenUsage;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The one instrumentation point around the model port: times the call (latency and time to first
 * token), prices it, and publishes exactly one {@link LlmCallCompleted}, whatever the outcome.
 */
public final class TelemetryLlmClient implements LlmClient {

  private final LlmClient delegate;
  private final ModelCatalog catalog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public TelemetryLlmClient(
      LlmClient delegate, ModelCatalog catalog, ApplicationEventPublisher events, Clock clock) {
    this.delegate = delegate;
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    long start = System.nanoTime();
    var firstToken = new AtomicLong();
    StreamListener downstream = request.stream();
    StreamListener timed =
        delta -> {
          firstToken.compareAndSet(0, System.nanoTime());
          downstream.onText(delta);
        };
    try {
      LlmResponse response = delegate.generate(request.withStream(timed));
      Outcome outcome = response.safetyBlock() ? Outcome.SAFETY_BLOCK : Outcome.SUCCESS;
      publish(request, start, firstToken.get(), success(request, response, outcome));
      return response;
    } catch (LlmException e) {
      publish(request, start, firstToken.get(), failure(request, e));
      throw e;
    }
  }

  private Result success(LlmRequest request, LlmResponse r, Outcome outcome) {
    return new Result(
        r.model(),
        r.provider(),
        outcome,
        null,
        r.usage(),
        catalog.cost(r.model(), r.usage()),
        r.retryCount(),
        r.fallbackUsed());
  }

  private Result failure(LlmRequest request, LlmException e) {
    String model = e.model() == null ? request.model() : e.model();
    return new Result(
        model,
        e.provider(),
        Outcome.ERROR,
        e.failure(),
        TokenUsage.ZERO,
        0.0,
        e.retryCount(),
        e.fallbackUsed());
  }

  private void publish(LlmRequest request, long start, long firstToken, Result r) {
    long end = System.nanoTime();
    long latencyMs = TimeUnit.NANOSECONDS.toMillis(end - start);
    long ttftMs = firstToken == 0 ? latencyMs : TimeUnit.NANOSECONDS.toMillis(firstToken - start);
    var fact =
        new LlmCallCompleted(
            clock.instant(),
            request.promptId(),
            request.endpoint(),
            request.requestType(),
            request.model(),
            r.model(),
            r.provider(),
            r.outcome(),
            r.failure(),
            latencyMs,
            ttftMs,
            r.usage(),
            r.costUsd(),
            r.retries(),
            r.fallback(),
            request.tags(),
            null);
    events.publishEvent(fact);
  }

  private record Result(
      String model,
      String provider,
      Outcome outcome,
      dev.lrcp.llm.LlmFailure failure,
      TokenUsage usage,
      double costUsd,
      int retries,
      boolean fallback) {}
}
