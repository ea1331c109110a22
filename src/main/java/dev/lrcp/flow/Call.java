package dev.lrcp.flow;

import dev.lrcp.llm.StreamListener;

/**
 * One call on its way through the {@link CallFlow}: the request, the id the flow gave it, and the
 * facts each stage adds for the call's record. Used by one thread at a time, in stage order.
 */
public final class Call {

  private final CallRequest request;
  private final String promptId;
  private String model;
  private CallRecord.Routing routing;
  private CallRecord.Security security;
  private CallRecord.Quality quality;
  private RecordJoin qualityLater;
  private Attempt attempt;
  private double spentUsd;
  private long earlierAttemptsMs;
  private String traceId;
  private HeldStream held;
  private boolean streamBegun;

  Call(CallRequest request, String promptId) {
    this.request = request;
    this.promptId = promptId;
    this.model = request.namesModel() ? request.model() : null;
  }

  public CallRequest request() {
    return request;
  }

  public String promptId() {
    return promptId;
  }

  /** The model to call next; null until routed (unless the caller named one). */
  public String model() {
    return model;
  }

  public void route(String model, CallRecord.Routing routing) {
    this.model = model;
    this.routing = routing;
  }

  public CallRecord.Routing routing() {
    return routing;
  }

  public CallRecord.Security security() {
    return security;
  }

  public void security(CallRecord.Security security) {
    this.security = security;
  }

  public CallRecord.Quality quality() {
    return quality;
  }

  public void quality(CallRecord.Quality quality) {
    this.quality = quality;
  }

  /**
   * Declares that the answer is scored in the background: the call's record waits for the result
   * handed to the returned handle (for a bounded time) and is published once with it.
   */
  public QualityLater scoreLater() {
    qualityLater = new RecordJoin();
    return qualityLater;
  }

  RecordJoin qualityLater() {
    return qualityLater;
  }

  /** The last model call, or null before the first one. */
  public Attempt attempt() {
    return attempt;
  }

  void attempted(Attempt attempt) {
    if (this.attempt != null) {
      earlierAttemptsMs += this.attempt.latencyMs();
    }
    this.attempt = attempt;
    this.spentUsd += attempt.costUsd();
  }

  /** What every model call of this request cost together. */
  public double spentUsd() {
    return spentUsd;
  }

  /** Time spent in model calls before the last one (an escalated call waited for both). */
  long earlierAttemptsMs() {
    return earlierAttemptsMs;
  }

  /**
   * Holds the next answer's deltas back from a streaming caller until {@link #releaseStream} or
   * {@link #dropHeldStream}: a verifier must see the whole answer before the caller sees any of it.
   * Does nothing for a whole-answer call.
   */
  public void holdStream() {
    if (request.stream() != null) {
      held = new HeldStream();
    }
  }

  /** Sends the held answer to the caller, naming the current model, and streams live again. */
  public void releaseStream() {
    if (held != null) {
      HeldStream release = held;
      held = null;
      beginStream();
      release.replayTo(request.stream());
    }
  }

  /** Forgets the held answer (the caller never sees it) and streams live again. */
  public void dropHeldStream() {
    held = null;
  }

  boolean streamHeld() {
    return held != null;
  }

  /** Tells a streaming caller, once, which call and model its deltas come from. */
  void beginStream() {
    if (request.stream() != null && !streamBegun) {
      streamBegun = true;
      request.stream().begin(promptId, model);
    }
  }

  public String traceId() {
    return traceId;
  }

  public void traceId(String traceId) {
    this.traceId = traceId;
  }

  StreamListener stream() {
    if (request.stream() == null) {
      return StreamListener.NONE;
    }
    return held != null ? held : request.stream();
  }
}
