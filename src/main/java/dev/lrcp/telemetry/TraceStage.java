package dev.lrcp.telemetry;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallStage;
import dev.lrcp.flow.Stage;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import org.springframework.stereotype.Component;

/**
 * The one instrumentation point around each model call: the {@code llm.call} APM span (child of the
 * request's span), the LLM Observability span inside it, and one structured log line written while
 * the span is active, so it carries the trace id. It reads the call's timing and cost from the
 * flow's {@link dev.lrcp.flow.Attempt} and never fails a call.
 */
@Component
class TraceStage implements CallStage {

  private final ModelCatalog catalog;
  private final TelemetryProperties settings;
  private final CallLog callLog;

  TraceStage(ModelCatalog catalog, TelemetryProperties settings) {
    this.catalog = catalog;
    this.settings = settings;
    this.callLog = new CallLog(settings.logText());
  }

  @Override
  public Stage stage() {
    return Stage.TRACE;
  }

  @Override
  public LlmResponse apply(Call call, Next next) {
    String provider = catalog.find(call.model()).map(ModelSpec::provider).orElse("unknown");
    try (CallTrace trace = CallTrace.start(call, provider, null, settings.captureText())) {
      if (call.traceId() == null) {
        call.traceId(trace.traceId());
      }
      try {
        LlmResponse response = next.proceed(call);
        finish(trace, call, null);
        return response;
      } catch (RuntimeException e) {
        finish(trace, call, e);
        throw e;
      }
    }
  }

  private void finish(CallTrace trace, Call call, Throwable error) {
    if (call.attempt() != null) {
      trace.record(call, call.attempt(), error);
      callLog.write(call, call.attempt(), error);
    }
  }
}
