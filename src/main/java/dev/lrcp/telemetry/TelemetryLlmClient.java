package dev.lrcp.telemetry;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmCallCompleted.Outcome;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import dev.lrcp.llm.StreamListener;
import dev.lrcp.llm.TokenUsage;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The one instrumentation point around the model port: times the call (latency and time to first
 * token), prices it, opens the {@code llm.call} span and the LLM Observability span, writes one
 * structured log line, and publishes exactly one {@link LlmCallCompleted}, whatever the outcome.
 * The fact is published while the span is active, so listeners' log lines carry its trace id.
 */
public final class TelemetryLlmClient implements LlmClient {

  private final LlmClient delegate;
  private final ModelCatalog catalog;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TelemetryProperties settings;
  private final CallLog callLog;

  public TelemetryLlmClient(
      LlmClient delegate,
      ModelCatalog catalog,
      ApplicationEventPublisher events,
      Clock clock,
      TelemetryProperties settings) {
    this.delegate = delegate;
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
    this.settings = settings;
    this.callLog = new CallLog(settings.logText());
  }

  /** With default telemetry settings (text to LLM Observability on, text in logs off). */
  public TelemetryLlmClient(
      LlmClient delegate, ModelCatalog catalog, ApplicationEventPublisher events, Clock clock) {
    this(delegate, catalog, events, clock, defaults());
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    long start = System.nanoTime();
    var firstToken = new AtomicLong();
    StreamListener downstream = request.stream();
    // A non-streaming call has no first token before its answer (time to first token = latency);
    // wrapping NONE would make the adapter stream from the upstream just to time it.
    StreamListener timed =
        downstream == StreamListener.NONE
            ? StreamListener.NONE
            : delta -> {
              firstToken.compareAndSet(0, System.nanoTime());
              downstream.onText(delta);
            };
    try (CallTrace trace = CallTrace.start(request, providerOf(request.model()), settings)) {
      try {
        LlmResponse response =
            delegate.generate(timed == downstream ? request : request.withStream(timed));
        Outcome outcome = response.safetyBlock() ? Outcome.SAFETY_BLOCK : Outcome.SUCCESS;
        var fact = fact(request, start, firstToken.get(), success(response, outcome), trace);
        complete(trace, fact, request, response, null);
        return response;
      } catch (LlmException e) {
        var fact = fact(request, start, firstToken.get(), failure(request, e), trace);
        complete(trace, fact, request, null, e);
        throw e;
      } catch (RuntimeException e) {
        // a defect below us, not an upstream answer: still one fact, still a closed span
        var unexpected = new LlmException(LlmFailure.UPSTREAM_ERROR, request.model(), null, "");
        var fact = fact(request, start, firstToken.get(), failure(request, unexpected), trace);
        complete(trace, fact, request, null, e);
        throw e;
      }
    }
  }

  private void complete(
      CallTrace trace,
      LlmCallCompleted fact,
      LlmRequest request,
      LlmResponse response,
      Throwable error) {
    trace.record(fact, request, response, error);
    callLog.write(fact, request, response, error);
    events.publishEvent(fact);
  }

  private String providerOf(String model) {
    return catalog.find(model).map(ModelSpec::provider).orElse("unknown");
  }

  private Result success(LlmResponse r, Outcome outcome) {
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
    String provider = e.provider() == null ? providerOf(model) : e.provider();
    return new Result(
        model,
        provider,
        Outcome.ERROR,
        e.failure(),
        TokenUsage.ZERO,
        0.0,
        e.retryCount(),
        e.fallbackUsed());
  }

  private LlmCallCompleted fact(
      LlmRequest request, long start, long firstToken, Result r, CallTrace trace) {
    long end = System.nanoTime();
    long latencyMs = TimeUnit.NANOSECONDS.toMillis(end - start);
    long ttftMs = firstToken == 0 ? latencyMs : TimeUnit.NANOSECONDS.toMillis(firstToken - start);
    return new LlmCallCompleted(
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
        trace.traceId());
  }

  private static TelemetryProperties defaults() {
    // no property sources: just the record's @DefaultValue defaults, kept in one place
    return new Binder(List.of())
        .bindOrCreate("lrcp.telemetry", Bindable.of(TelemetryProperties.class));
  }

  private record Result(
      String model,
      String provider,
      Outcome outcome,
      LlmFailure failure,
      TokenUsage usage,
      double costUsd,
      int retries,
      boolean fallback) {}
}
