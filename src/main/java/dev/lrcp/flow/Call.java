package dev.lrcp.flow;

import dev.lrcp.llm.LlmRequest.GenerationOptions;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.StreamListener;

/**
 * One call on its way through the {@link CallFlow}: the request, the id the flow gave it, and the
 * facts each stage adds for the call's record. Used by one thread at a time, in stage order.
 */
public final class Call {

  private final CallRequest request;
  private final String promptId;
  private String model;
  private GenerationOptions options;
  private CallRecord.Routing routing;
  private CallRecord.Security security;
  private CallRecord.Quality quality;
  private RecordJoin qualityLater;
  private Attempt attempt;
  private double spentUsd;
  private long earlierAttemptsMs;
  private String traceId;
  private HeldStream held;
  private AttemptGate gate = AttemptGate.OPEN;
  private CallRecord.Cache cache;
  private LlmResponse cachedAnswer;
  private boolean streamBegun;
  private final long startNanos = System.nanoTime();

  Call(CallRequest request, String promptId) {
    this.request = request;
    this.promptId = promptId;
    this.model = request.namesModel() ? request.model() : null;
    this.options = request.options();
  }

  /** The sampling settings the model is called with: the request's, within any cap a stage set. */
  public GenerationOptions options() {
    return options;
  }

  /** Lowers the answer's token limit to {@code maxTokens} when the request allows more. */
  public void capOutput(int maxTokens) {
    if (maxTokens < options.maxOutputTokens()) {
      options = options.withMaxOutputTokens(maxTokens);
    }
  }

  /** Lowers the thinking budget to {@code maxTokens} when the request allows more (or any). */
  public void capThinking(int maxTokens) {
    Integer current = options.thinkingBudget();
    if (current == null || maxTokens < current) {
      options = options.withThinkingBudget(maxTokens);
    }
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
      beginStream(model);
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

  public String traceId() {
    return traceId;
  }

  /** Installs the gate every model attempt of this call passes (the admission stage's). */
  public void gate(AttemptGate gate) {
    this.gate = gate;
  }

  AttemptGate gate() {
    return gate;
  }

  /** The response cache's part in this call, or null when it did not apply. */
  public CallRecord.Cache cache() {
    return cache;
  }

  /** Notes that the response cache was consulted and the call goes on to the model. */
  public void cache(CallRecord.Cache cache) {
    this.cache = cache;
  }

  /**
   * Answers the call from the response cache, without a model attempt: a streaming caller is told
   * the call has begun, and the answer is returned whole (entry points replay it).
   */
  public LlmResponse answerFromCache(LlmResponse answer, CallRecord.Cache hit) {
    this.cache = hit;
    this.cachedAnswer = answer;
    beginStream(answer.model());
    return answer;
  }

  LlmResponse cachedAnswer() {
    return cachedAnswer;
  }

  /** Nanoseconds since the call started. */
  long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /** Tells a streaming caller, once, which call and model its answer comes from. */
  void beginStream(String answeringModel) {
    if (request.stream() != null && !streamBegun) {
      streamBegun = true;
      request.stream().begin(promptId, answeringModel);
    }
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
