package dev.lrcp.telemetry;

import datadog.trace.api.CorrelationIdentifier;
import datadog.trace.api.llmobs.LLMObs;
import datadog.trace.api.llmobs.LLMObsSpan;
import datadog.trace.api.llmobs.noop.NoOpLLMObsSpan;
import dev.lrcp.flow.Attempt;
import dev.lrcp.flow.Call;
import dev.lrcp.llm.Message;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.util.GlobalTracer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spans of one model call: an APM span {@code llm.call} (child of the agent's HTTP span) and,
 * inside it, one LLM Observability span. Without the agent both APIs are no-ops. Every method
 * swallows its own failures: tracing must never break a call.
 */
final class CallTrace implements AutoCloseable {

  static final String OPERATION = "llm.call";
  private static final Logger log = LoggerFactory.getLogger(CallTrace.class);
  private static final String[] ROLES =
      Arrays.stream(Message.Role.values())
          .map(r -> r.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  private final Span span;
  private final Scope scope;
  private final LLMObsSpan llmObs;
  private final boolean captureText;

  private CallTrace(Span span, Scope scope, LLMObsSpan llmObs, boolean captureText) {
    this.span = span;
    this.scope = scope;
    this.llmObs = llmObs;
    this.captureText = captureText;
  }

  /**
   * @param mlApp the LLM Observability application, or null for the agent's own ({@code
   *     DD_LLMOBS_ML_APP}, else the service name)
   */
  static CallTrace start(Call call, String provider, String mlApp, boolean captureText) {
    try {
      // without a registered tracer (no agent) the span would be a no-op: skip building it
      Span span = GlobalTracer.isRegistered() ? apmSpan(call, provider) : null;
      Scope scope = span == null ? null : GlobalTracer.get().activateSpan(span);
      LLMObsSpan llmObs =
          LLMObs.startLLMSpan(provider + ".generate", call.model(), provider, mlApp, null);
      return new CallTrace(span, scope, llmObs, captureText);
    } catch (RuntimeException | LinkageError e) {
      log.debug("tracing unavailable for this call: {}", e.toString());
      return new CallTrace(null, null, null, false);
    }
  }

  private static Span apmSpan(Call call, String provider) {
    var request = call.request();
    return GlobalTracer.get()
        .buildSpan(OPERATION)
        .withTag("resource.name", provider + "." + call.model() + "." + request.requestType())
        .withTag("span.kind", "client")
        .withTag("peer.service", provider)
        .withTag("llm.prompt_id", call.promptId())
        .withTag("llm.endpoint", request.endpoint())
        .withTag("llm.request_type", request.requestType())
        .withTag("llm.requested_model", call.model())
        .withTag("llm.traffic", request.injected() ? "injected" : "organic")
        .withTag("gen_ai.operation.name", "chat")
        .withTag("gen_ai.request.model", call.model())
        .start();
  }

  /** The APM trace id (decimal, low 64 bits) while this call's span is active, else null. */
  String traceId() {
    try {
      String id = CorrelationIdentifier.getTraceId();
      return id == null || id.equals("0") ? null : id;
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Records the attempt's outcome on both spans. */
  void record(Call call, Attempt attempt, Throwable error) {
    try {
      if (span != null) {
        tagApmSpan(call, attempt, error);
      }
      // without the agent the span is a no-op: skip the redaction work its annotations need
      if (llmObs != null && !(llmObs instanceof NoOpLLMObsSpan)) {
        annotateLlmObs(call, attempt, error);
      }
    } catch (RuntimeException e) {
      log.debug("could not annotate spans: {}", e.toString());
    }
  }

  private void tagApmSpan(Call call, Attempt a, Throwable error) {
    var usage = a.usage();
    String requestType = call.request().requestType();
    span.setTag("resource.name", a.provider() + "." + a.model() + "." + requestType);
    span.setTag("llm.model", a.model());
    span.setTag("llm.provider", a.provider());
    span.setTag("llm.outcome", Labels.outcome(a.outcome()));
    span.setTag("llm.tokens.input", usage.input());
    span.setTag("llm.tokens.output", usage.output());
    span.setTag("llm.tokens.thinking", usage.thinking());
    span.setTag("llm.tokens.total", usage.total());
    span.setTag("llm.cost_usd", a.costUsd());
    span.setTag("llm.retry_count", a.retryCount());
    span.setTag("llm.fallback_used", a.fallbackUsed());
    span.setTag("llm.latency_ms", a.latencyMs());
    span.setTag("llm.time_to_first_token_ms", a.ttftMs());
    span.setTag("gen_ai.provider.name", a.provider());
    span.setTag("gen_ai.response.model", a.model());
    span.setTag("gen_ai.usage.input_tokens", usage.input());
    span.setTag("gen_ai.usage.output_tokens", usage.billableOutput());
    if (!a.answered()) {
      span.setTag("error", true);
      span.setTag("error.type", Labels.failure(a.failure().failure()));
      span.setTag("error.message", Redactor.redact(error == null ? "" : error.getMessage()));
      span.setTag("error.kind", error == null ? "" : error.getClass().getName());
    }
  }

  private void annotateLlmObs(Call call, Attempt a, Throwable error) {
    var request = call.request();
    var usage = a.usage();
    if (captureText) {
      var input = new ArrayList<LLMObs.LLMMessage>(request.messages().size());
      for (Message m : request.messages()) {
        input.add(LLMObs.LLMMessage.from(role(m), Redactor.redact(m.content())));
      }
      List<LLMObs.LLMMessage> output =
          a.answered()
              ? List.of(LLMObs.LLMMessage.from("assistant", Redactor.redact(a.response().text())))
              : List.of();
      llmObs.annotateIO(input, output);
    }
    llmObs.setMetrics(
        Map.of(
            "input_tokens", usage.input(),
            "output_tokens", usage.billableOutput(),
            "total_tokens", usage.total(),
            "cost_usd", a.costUsd(),
            "time_to_first_token_ms", a.ttftMs()));
    llmObs.setMetadata(
        Map.of(
            "response_model", String.valueOf(a.model()),
            "response_provider", String.valueOf(a.provider()),
            "retry_count", a.retryCount(),
            "fallback_used", a.fallbackUsed(),
            "outcome", Labels.outcome(a.outcome()),
            "temperature", request.options().temperature(),
            "max_tokens", request.options().maxOutputTokens()));
    llmObs.setTag("endpoint", request.endpoint());
    llmObs.setTag("request_type", request.requestType());
    llmObs.setTag("prompt_id", call.promptId());
    if (!a.answered()) {
      llmObs.setError(true);
      llmObs.setErrorMessage(Redactor.redact(error == null ? "failed" : error.getMessage()));
    }
  }

  private static String role(Message m) {
    return ROLES[m.role().ordinal()];
  }

  /** Finishes the LLM Observability span, then closes the scope and finishes the APM span. */
  @Override
  public void close() {
    try {
      if (llmObs != null) {
        llmObs.finish();
      }
    } catch (RuntimeException e) {
      log.debug("could not finish LLM Observability span: {}", e.toString());
    }
    try {
      if (scope != null) {
        scope.close();
      }
      if (span != null) {
        span.finish();
      }
    } catch (RuntimeException e) {
      log.debug("could not finish span: {}", e.toString());
    }
  }
}
