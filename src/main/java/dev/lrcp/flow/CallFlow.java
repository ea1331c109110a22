package dev.lrcp.flow;

import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.PromptIds;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a model is called. Every entry point ({@code /qa}, {@code /reason}, {@code /stress},
 * {@code /v1/chat/completions} on either port, whole or streamed) translates its request into a
 * {@link CallRequest} and runs it here: the call gets its prompt id, passes through every {@link
 * CallStage} in {@link Stage} order, reaches the model port, and leaves exactly one {@link
 * CallRecord}, published when it is complete. Failures leave as {@link CallFailedException} (the
 * model failed) or as the refusing stage's own exception, never as an answer.
 */
@Component
public class CallFlow {

  /** How long a record waits for its background score before it is published without it. */
  public static final Duration QUALITY_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(CallFlow.class);

  private final CallStage.Next first;
  private final List<Stage> order;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Deadlines deadlines;

  public CallFlow(
      List<CallStage> stages,
      LlmClient llm,
      ModelCatalog catalog,
      ApplicationEventPublisher events,
      Clock clock,
      Deadlines deadlines) {
    var sorted = stages.stream().sorted(Comparator.comparing(CallStage::stage)).toList();
    CallStage.Next next = new ModelCall(llm, catalog);
    boolean gated = false;
    for (CallStage stage : sorted.reversed()) {
      if (!gated && stage.stage().compareTo(GATED_FROM) < 0) {
        next = gated(next);
        gated = true;
      }
      CallStage.Next rest = next;
      next = call -> stage.apply(call, rest);
    }
    if (!gated) {
      next = gated(next);
    }
    this.first = next;
    this.order = sorted.stream().map(CallStage::stage).toList();
    this.events = events;
    this.clock = clock;
    this.deadlines = deadlines;
  }

  /**
   * Each model attempt passes the call's {@link AttemptGate} just before this stage, so the gate
   * knows the model about to be called and a refused attempt opens no span.
   */
  static final Stage GATED_FROM = Stage.TRACE;

  private static CallStage.Next gated(CallStage.Next attempt) {
    return call -> {
      AttemptGate.Pass pass = call.gate().enter(call, call.model());
      Attempt before = call.attempt();
      try {
        return attempt.proceed(call);
      } finally {
        pass.settle(call.attempt() == before ? null : call.attempt());
      }
    };
  }

  /** The stages every call passes through, in order. */
  public List<Stage> stages() {
    return order;
  }

  public CallResult run(CallRequest request) {
    var call = new Call(request, PromptIds.next());
    LlmResponse response;
    try {
      response = first.proceed(call);
    } catch (LlmException e) {
      record(call);
      throw new CallFailedException(call.promptId(), e);
    } catch (RuntimeException e) {
      record(call);
      throw e;
    }
    return new CallResult(call.promptId(), response, record(call));
  }

  /**
   * Publishes the call's record, or hands it to its background score to be published with it. A
   * call refused before it was scanned (an unknown model, an admission refusal) leaves none.
   */
  private CallRecord record(Call call) {
    CallRecord record;
    if (call.cachedAnswer() != null) {
      record = CallRecords.cached(call, clock.instant());
    } else if (call.attempt() != null) {
      record = CallRecords.called(call, clock.instant());
    } else if (call.security() != null && call.security().blocked()) {
      record = CallRecords.blocked(call, clock.instant());
    } else {
      return null;
    }
    RecordJoin later = call.qualityLater();
    if (later == null || call.attempt() == null || call.cachedAnswer() != null) {
      publish(record);
    } else {
      later.record(record, this::publish, expire -> deadlines.after(QUALITY_WAIT, expire));
    }
    return record;
  }

  /** Listeners never break a call: a failing one is logged and the call goes on. */
  private void publish(CallRecord record) {
    try {
      events.publishEvent(record);
    } catch (RuntimeException e) {
      log.warn("a listener of call {} failed: {}", record.promptId(), e.toString());
    }
  }
}
