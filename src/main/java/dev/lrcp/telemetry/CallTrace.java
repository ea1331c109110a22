package dev.lrcp.telemetry;

import datadog.trace.api.CorrelationIdentifier;
import datadog.trace.api.llmobs.LLMObs;
import datadog.trace.api.llmobs.LLMObsSpan;
import datadog.trace.api.llmobs.noop.NoOpLLMObsSpan;
import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
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

  static CallTrace start(LlmRequest request, String provider, TelemetryProperties settings) {
    try {
      // without a registered tracer (no agent) the span would be a no-op: skip building it
      Span span = GlobalTracer.isRegistered() ? apmSpan(request, provider) : null;
      Scope scope = span == null ? null : GlobalTracer.get().activateSpan(span);
      LLMObsSpan llmObs =
          LLMObs.startLLMSpan(
              provider + ".generate", request.model(), provider, settings.mlApp(), null);
      return new CallTrace(span, scope, llmObs, settings.captureText());
    } catch (RuntimeException | LinkageError e) {
      log.debug("tracing unavailable for this call: {}", e.toString());
      return new CallTrace(null, null, null, false);
    }
  }

  private static Span apmSpan(LlmRequest request, String provider) {
    return GlobalTracer.get()
        .buildSpan(OPERATION)
        .withTag("resource.name", provider + "." + request.model() + "." + request.requestType())
        .withTag("span.kind", "client")
        .withTag("llm.prompt_id", request.promptId())
        .withTag("llm.endpoint", request.endpoint())
        .withTag("llm.request_type", request.requestType())
        .withTag("llm.requested_model", request.model())
        .withTag("gen_ai.operation.name", "chat")
        .withTag("gen_ai.request.model", request.model())
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

  /** Records the outcome on both spans and finishes the LLM Observability span. */
  void record(LlmCallCompleted call, LlmRequest request, LlmResponse response, Throwable error) {
    try {
      if (span != null) {
        tagApmSpan(call, error);
      }
      // without the agent the span is a no-op: skip the redaction work its annotations need
      if (llmObs != null && !(llmObs instanceof NoOpLLMObsSpan)) {
        annotateLlmObs(call, request, response, error);
      }
    } catch (RuntimeException e) {
      log.debug("could not annotate spans: {}", e.toString());
    }
  }

  private void tagApmSpan(LlmCallCompleted call, Throwable error) {
    span.setTag("resource.name", call.provider() + "." + call.model() + "." + call.requestType());
    span.setTag("llm.model", call.model());
    span.setTag("llm.provider", call.provider());
    span.setTag("llm.outcome", Labels.outcome(call.outcome()));
    span.setTag("llm.tokens.input", call.usage().input());
    span.setTag("llm.tokens.output", call.usage().output());
    span.setTag("llm.tokens.thinking", call.usage().thinking());
    span.setTag("llm.tokens.total", call.usage().total());
    span.setTag("llm.cost_usd", call.costUsd());
    span.setTag("llm.retry_count", call.retryCount());
    span.setTag("llm.fallback_used", call.fallbackUsed());
    span.setTag("llm.latency_ms", call.latencyMs());
    span.setTag("llm.time_to_first_token_ms", call.timeToFirstTokenMs());
    span.setTag("gen_ai.provider.name", call.provider());
    span.setTag("gen_ai.response.model", call.model());
    span.setTag("gen_ai.usage.input_tokens", call.usage().input());
    span.setTag("gen_ai.usage.output_tokens", call.usage().billableOutput());
    if (call.failed()) {
      span.setTag("error", true);
      span.setTag(
          "error.type", call.failure() == null ? "unknown" : Labels.failure(call.failure()));
      span.setTag("error.message", Redactor.redact(error == null ? "" : error.getMessage()));
      span.setTag("error.kind", error == null ? "" : error.getClass().getName());
    }
  }

  private void annotateLlmObs(
      LlmCallCompleted call, LlmRequest request, LlmResponse response, Throwable error) {
    if (captureText) {
      var input = new ArrayList<LLMObs.LLMMessage>(request.messages().size());
      for (Message m : request.messages()) {
        input.add(LLMObs.LLMMessage.from(role(m), Redactor.redact(m.content())));
      }
      List<LLMObs.LLMMessage> output =
          response == null
              ? List.of()
              : List.of(LLMObs.LLMMessage.from("assistant", Redactor.redact(response.text())));
      llmObs.annotateIO(input, output);
    }
    llmObs.setMetrics(
        Map.of(
            "input_tokens", call.usage().input(),
            "output_tokens", call.usage().billableOutput(),
            "total_tokens", call.usage().total(),
            "cost_usd", call.costUsd(),
            "time_to_first_token_ms", call.timeToFirstTokenMs()));
    llmObs.setMetadata(
        Map.of(
            "response_model", String.valueOf(call.model()),
            "response_provider", String.valueOf(call.provider()),
            "retry_count", call.retryCount(),
            "fallback_used", call.fallbackUsed(),
            "outcome", Labels.outcome(call.outcome()),
            "temperature", request.options().temperature(),
            "max_tokens", request.options().maxOutputTokens()));
    llmObs.setTag("endpoint", call.endpoint());
    llmObs.setTag("request_type", call.requestType());
    llmObs.setTag("prompt_id", call.promptId());
    if (call.failed()) {
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
