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
  private String traceId;

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
    this.attempt = attempt;
    this.spentUsd += attempt.costUsd();
  }

  /** What every model call of this request cost together. */
  public double spentUsd() {
    return spentUsd;
  }

  public String traceId() {
    return traceId;
  }

  public void traceId(String traceId) {
    this.traceId = traceId;
  }

  StreamListener stream() {
    return request.stream() == null ? StreamListener.NONE : request.stream();
  }
}
