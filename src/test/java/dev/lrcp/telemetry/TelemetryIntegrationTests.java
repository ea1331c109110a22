package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.LoggerContext;
import dev.lrcp.flow.CallFailedException;
import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.TokenUsage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telemetry inside the real application context: the catalog endpoint, metrics from a published
 * call record arriving over UDP exactly once, listener failures kept away from the publisher, and
 * the JSON log line of a call.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class TelemetryIntegrationTests {

  private static final UdpCapture UDP = new UdpCapture();
  @TempDir static Path storage;

  @DynamicPropertySource
  static void telemetryTarget(DynamicPropertyRegistry registry) {
    registry.add("dd.agent-host", () -> "127.0.0.1");
    registry.add("dd.dogstatsd-port", UDP::port);
    registry.add("dd.env", () -> "test");
    registry.add("lrcp.telemetry.statsd-aggregation", () -> "false");
    registry.add("lrcp.storage.directory", () -> storage.toString());
  }

  @AfterAll
  static void closeSocket() {
    UDP.close();
  }

  @Autowired MockMvc mvc;
  @Autowired ApplicationEventPublisher events;
  @Autowired TraceStage trace;
  @Autowired Deadlines deadlines;
  @Autowired ThrowingListeners probes;

  @Test
  void servesTheMetricCatalog() throws Exception {
    int size = MetricCatalog.load().metrics().size();
    mvc.perform(get("/telemetry/catalog"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.constant_tags[0]").value("service"))
        .andExpect(jsonPath("$.metrics.length()").value(size))
        .andExpect(
            jsonPath("$.metrics[?(@.name == 'llm.request.latency_ms')].type")
                .value("distribution"));
  }

  @Test
  void aPublishedCallReachesDogStatsdOncePerMetric() {
    UDP.clear();

    events.publishEvent(Events.success(new CallTags("shop", null, "c")));

    // twelve call metrics and the routing decision
    var lines = UDP.until(l -> l.size() >= 13, Duration.ofSeconds(10));
    lines = UDP.drain();
    assertThat(lines).hasSize(13);
    assertThat(lines.stream().map(StatsdLine::name).toList()).doesNotHaveDuplicates();
    lines.forEach(DogStatsdWireTests::conformsToCatalog);
    assertThat(lines.getFirst().tags())
        .contains("env:test", "service:llm-reliability-control-plane");
  }

  @Test
  void aFailingListenerNeverReachesThePublisher() {
    events.publishEvent(new Probe());

    assertThat(probes.after.get()).as("later listener still ran").isEqualTo(1);
  }

  @Test
  void callLogLineIsJsonWithFieldsAndRedacted(CapturedOutput output) throws Exception {
    var flow =
        traced(
            r ->
                LlmResponse.of("4", "gemini-2.5-flash", "google", new TokenUsage(7, 1, 0), "STOP"));
    String promptId;
    MDC.put("dd.trace_id", "6b0a9be2000000002b45e360216ab059");
    try {
      promptId = flow.run(request("secret sk-proj-abcdefghijklmnopqrstuvwx1234", null)).promptId();
      LoggerFactory.getLogger("probe").info("key sk-proj-abcdefghijklmnopqrstuvwx1234 leaked?");
    } finally {
      MDC.remove("dd.trace_id");
    }

    // the MDC entry was removed right after the call, before the log worker wrote the line
    JsonNode call = line(output, "\"" + promptId + "\"");
    assertThat(call.get("level").asString()).isEqualTo("INFO");
    assertThat(call.get("model").asString()).isEqualTo("gemini-2.5-flash");
    assertThat(call.get("input_tokens").asInt()).isEqualTo(7);
    assertThat(call.get("dd.trace_id").asString()).isEqualTo("6b0a9be2000000002b45e360216ab059");
    assertThat(call.has("prompt")).isFalse();
    line(output, "leaked?");
    assertThat(output.getOut()).doesNotContain("sk-proj-abcdefghijklmnopqrstuvwx1234");
    assertThat(output.getOut()).contains("key [REDACTED_API_KEY] leaked?");
  }

  @Test
  void callLogsAreWrittenOffTheRequestThreadByTheDroppingAppender() {
    var root =
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

    assertThat(root.getAppender("JSON")).isInstanceOf(DroppingAsyncAppender.class);
  }

  @Test
  void freeTextFieldsAreRedactedWhileFixedFieldsAreKept(CapturedOutput output) throws Exception {
    var flow =
        traced(
            r -> {
              throw new LlmException(
                  LlmFailure.UPSTREAM_ERROR,
                  "gemini-2.5-flash",
                  "google",
                  "upstream rejected api_key=9f8e7d6c5b4a39281706 for ops@example.com");
            });
    var request = request("hi", new CallTags("billing for jane@example.com", null, "c"));

    String promptId =
        catchThrowableOfType(CallFailedException.class, () -> flow.run(request)).promptId();

    JsonNode call = line(output, "\"" + promptId + "\"");
    assertThat(call.get("level").asString()).isEqualTo("WARN");
    assertThat(call.get("error_message").asString())
        .isEqualTo("upstream rejected api_key=[REDACTED_TOKEN] for [REDACTED_EMAIL]");
    assertThat(call.get("application").asString()).isEqualTo("billing for [REDACTED_EMAIL]");
    assertThat(call.get("model").asString()).isEqualTo("gemini-2.5-flash");
    assertThat(call.get("error_type").asString()).isEqualTo("upstream_error");
    assertThat(call.get("retry_count").asInt()).isZero();
    assertThat(output.getOut()).doesNotContain("9f8e7d6c5b4a39281706", "ops@example.com");
  }

  /** A flow with the service's own trace stage around {@code model}. */
  private CallFlow traced(LlmClient model) {
    return new CallFlow(
        List.of(trace), model, ModelCatalog.load(), events, Clock.systemUTC(), deadlines);
  }

  private static CallRequest request(String prompt, CallTags tags) {
    return new CallRequest(
        "/qa",
        "qa",
        prompt,
        null,
        List.of(Message.user(prompt)),
        "gemini-2.5-flash",
        null,
        null,
        tags,
        null,
        CallRequest.Scoring.NOW,
        null,
        null);
  }

  /** The line that mentions {@code marker}; the log worker writes it shortly after the call. */
  private static JsonNode line(CapturedOutput output, String marker) throws Exception {
    var mapper = JsonMapper.builder().build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      for (String line : output.getOut().split("\n")) {
        if (line.startsWith("{") && line.contains(marker)) {
          return mapper.readTree(line);
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no JSON line with " + marker + " in:\n" + output.getOut());
  }

  record Probe() {}

  @TestConfiguration
  static class ProbeConfiguration {
    @Bean
    ThrowingListeners throwingListeners() {
      return new ThrowingListeners();
    }
  }

  static class ThrowingListeners {
    final AtomicInteger after = new AtomicInteger();

    @EventListener
    @org.springframework.core.annotation.Order(1)
    void fail(Probe probe) {
      throw new IllegalStateException("listener defect");
    }

    @EventListener
    @org.springframework.core.annotation.Order(2)
    void then(Probe probe) {
      after.incrementAndGet();
    }
  }
}
