package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.llm.LlmCallCompleted.Outcome;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
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

class TelemetryLlmClientTests {

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

  private static LlmRequest request() {
    return new LlmRequest(
        "p-42",
        "/qa",
        "qa",
        "gemini-2.5-flash",
        List.of(Message.user("My email is jane@example.com, what is 2+2?")),
        null,
        null,
        null,
        null);
  }

  private TelemetryLlmClient client(LlmClient delegate, boolean logText) {
    return new TelemetryLlmClient(
        delegate,
        MODELS,
        published::add,
        CLOCK,
        new TelemetryProperties(true, logText, "test-app", false, 16));
  }

  @Test
  void publishesOnePricedFactPerAnsweredCall() {
    LlmClient answering =
        r -> {
          r.stream().onText("4");
          return LlmResponse.of(
              "4", "gemini-2.5-flash", "google", new TokenUsage(1_000_000, 0, 0), "STOP");
        };

    client(answering, false).generate(request());

    assertThat(published).hasSize(1);
    var fact = (LlmCallCompleted) published.getFirst();
    assertThat(fact.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(fact.promptId()).isEqualTo("p-42");
    assertThat(fact.at()).isEqualTo(Events.AT);
    assertThat(fact.costUsd()).isEqualTo(0.30);
    assertThat(fact.timeToFirstTokenMs()).isLessThanOrEqualTo(fact.latencyMs());
    assertThat(fact.traceId()).as("no tracer attached").isNull();
  }

  @Test
  void publishesOneFactAndRethrowsOnFailure() {
    LlmClient failing =
        r -> {
          throw new LlmException(LlmFailure.RATE_LIMITED, "gemini-2.5-flash", null, "429")
              .withResilience(2, false);
        };

    assertThatThrownBy(() -> client(failing, false).generate(request()))
        .isInstanceOf(LlmException.class);

    assertThat(published).hasSize(1);
    var fact = (LlmCallCompleted) published.getFirst();
    assertThat(fact.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(fact.failure()).isEqualTo(LlmFailure.RATE_LIMITED);
    assertThat(fact.provider()).as("from the model catalog").isEqualTo("google");
    assertThat(fact.retryCount()).isEqualTo(2);
    assertThat(fact.usage()).isEqualTo(TokenUsage.ZERO);
  }

  @Test
  void anUnexpectedDefectBelowStillYieldsOneFact() {
    LlmClient broken =
        r -> {
          throw new IllegalStateException("bug");
        };

    assertThatThrownBy(() -> client(broken, false).generate(request()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(published).hasSize(1);
  }

  @Test
  void logsOneStructuredLineWithoutTextByDefault() {
    client(
            r ->
                LlmResponse.of("4", "gemini-2.5-flash", "google", new TokenUsage(12, 1, 0), "STOP"),
            false)
        .generate(request());

    assertThat(logs.list).hasSize(1);
    Map<String, Object> fields = fields(logs.list.getFirst());
    assertThat(fields)
        .containsEntry("event", "llm_call")
        .containsEntry("prompt_id", "p-42")
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
    client(
            r ->
                LlmResponse.of("4", "gemini-2.5-flash", "google", new TokenUsage(12, 1, 0), "STOP"),
            true)
        .generate(request());

    assertThat(fields(logs.list.getFirst()).get("prompt"))
        .isEqualTo("My email is [REDACTED_EMAIL], what is 2+2?");
  }

  @Test
  void failedCallIsLoggedAsWarningWithTheFailureKind() {
    LlmClient failing =
        r -> {
          throw new LlmException(LlmFailure.TIMEOUT, "gemini-2.5-flash", "google", "timed out");
        };

    assertThatThrownBy(() -> client(failing, false).generate(request()));

    var event = logs.list.getFirst();
    assertThat(event.getLevel().toString()).isEqualTo("WARN");
    assertThat(fields(event)).containsEntry("error_type", "timeout");
  }

  private static Map<String, Object> fields(ILoggingEvent event) {
    return event.getKeyValuePairs().stream()
        .collect(Collectors.toMap(kv -> kv.key, (KeyValuePair kv) -> kv.value));
  }
}
