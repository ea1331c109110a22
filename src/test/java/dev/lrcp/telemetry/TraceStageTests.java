package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.SharedDeadlines;
import dev.lrcp.llm.TokenUsage;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The trace stage inside a real flow (no tracer attached: the span APIs are no-ops), with a lambda
 * for the model port: one structured log line per model call, whatever the outcome.
 */
class TraceStageTests {

  private static final ModelCatalog MODELS = ModelCatalog.load();
  private static final Clock CLOCK = Clock.fixed(Events.AT, ZoneOffset.UTC);

  private final List<Object> published = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger callLogger = (Logger) LoggerFactory.getLogger("dev.lrcp.telemetry.calls");

  @BeforeEach
  void captureLogs() {
    logs.start();
    callLogger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    callLogger.detachAppender(logs);
  }

  private static CallRequest request() {
    return new CallRequest(
        "/qa",
        "qa",
        "what is 2+2?",
        null,
        List.of(Message.user("My email is jane@example.com, what is 2+2?")),
        "gemini-2.5-flash",
        null,
        null,
        null,
        null,
        CallRequest.Scoring.NOW,
        null,
        null);
  }

  private CallFlow flow(LlmClient model, boolean logText) {
    return new CallFlow(
        List.of(new TraceStage(MODELS, new TelemetryProperties(true, logText, false))),
        model,
        MODELS,
        published::add,
        CLOCK,
        SharedDeadlines.INSTANCE);
  }

  @Test
  void anAnsweredCallKeepsItsRecordAndHasNoTraceIdWithoutATracer() {
    LlmClient answering =
        r ->
            LlmResponse.of(
                "4", "gemini-2.5-flash", "google", new TokenUsage(1_000_000, 0, 0), "STOP");

    CallRecord record = flow(answering, false).run(request()).record();

    assertThat(record.numbers().costUsd()).isEqualTo(0.30);
    assertThat(record.traceId()).as("no tracer attached").isNull();
    assertThat(logs.list).hasSize(1);
  }

  @Test
  void anUnexpectedDefectBelowIsStillLoggedAndRethrown() {
    LlmClient broken =
        r -> {
          throw new IllegalStateException("bug");
        };

    assertThatThrownBy(() -> flow(broken, false).run(request()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(logs.list)
        .singleElement()
        .extracting(e -> e.getLevel().toString())
        .isEqualTo("WARN");
    assertThat(published).hasSize(1);
  }

  @Test
  void logsOneStructuredLineWithoutTextByDefault() {
    flow(
            r ->
                LlmResponse.of("4", "gemini-2.5-flash", "google", new TokenUsage(12, 1, 0), "STOP"),
            false)
        .run(request());

    assertThat(logs.list).hasSize(1);
    Map<String, Object> fields = fields(logs.list.getFirst());
    assertThat(fields)
        .containsEntry("event", "llm_call")
        .containsEntry("traffic", "organic")
        .containsEntry("endpoint", "/qa")
        .containsEntry("model", "gemini-2.5-flash")
        .containsEntry("provider", "google")
        .containsEntry("outcome", "success")
        .containsEntry("input_tokens", 12)
        .containsEntry("retry_count", 0)
        .containsEntry("fallback_used", false)
        .containsKeys("latency_ms", "cost_usd")
        .doesNotContainKeys("prompt", "answer");
  }

  @Test
  void logsRedactedTextOnlyWhenAskedTo() {
    flow(
            r ->
                LlmResponse.of("4", "gemini-2.5-flash", "google", new TokenUsage(12, 1, 0), "STOP"),
            true)
        .run(request());

    assertThat(fields(logs.list.getFirst()).get("prompt"))
        .isEqualTo("My email is [REDACTED_EMAIL], what is 2+2?");
  }

  @Test
  void failedCallIsLoggedAsWarningWithTheFailureKind() {
    LlmClient failing =
        r -> {
          throw new LlmException(LlmFailure.TIMEOUT, "gemini-2.5-flash", "google", "timed out");
        };

    assertThatThrownBy(() -> flow(failing, false).run(request()));

    var event = logs.list.getFirst();
    assertThat(event.getLevel().toString()).isEqualTo("WARN");
    assertThat(fields(event)).containsEntry("error_type", "timeout");
  }

  private static Map<String, Object> fields(ILoggingEvent event) {
    return event.getKeyValuePairs().stream()
        .collect(Collectors.toMap(kv -> kv.key, (KeyValuePair kv) -> kv.value));
  }
}
