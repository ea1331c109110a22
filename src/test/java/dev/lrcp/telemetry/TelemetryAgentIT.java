package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end with the real dd-java-agent: a fake Datadog agent starts first, then the packaged
 * service in a child JVM with {@code -javaagent}, an OpenAI-compatible fake upstream behind it and
 * a UDP socket as DogStatsD. After one answered and one upstream-failed {@code /qa} the test
 * decodes what the agent shipped: the APM span tree, the LLM Observability spans, the JSON log
 * lines carrying the same trace id, and the metric lines.
 */
class TelemetryAgentIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ML_APP = "lrcp-it-app";

  @Test
  void tracesLlmObservabilityLogsAndMetricsAgreeForRealRequests(@TempDir Path work)
      throws Exception {
    try (var agent = FakeDatadogAgent.start();
        var upstream = FakeChatCompletions.start();
        var statsd = new UdpCapture();
        var service =
            ServiceProcess.start(
                true,
                Map.ofEntries(
                    Map.entry("DD_TRACE_AGENT_URL", "http://127.0.0.1:" + agent.port()),
                    Map.entry("DD_AGENT_HOST", "127.0.0.1"),
                    Map.entry("DD_DOGSTATSD_PORT", String.valueOf(statsd.port())),
                    Map.entry("DD_SERVICE", "lrcp-it"),
                    Map.entry("DD_ENV", "it"),
                    Map.entry("DD_VERSION", "9.9.9"),
                    Map.entry("DD_LLMOBS_ENABLED", "true"),
                    Map.entry("DD_LLMOBS_ML_APP", ML_APP),
                    Map.entry("DD_TRACE_FLUSH_INTERVAL", "0.1"),
                    Map.entry("DD_LOGS_INJECTION", "true"),
                    Map.entry("DD_INSTRUMENTATION_TELEMETRY_ENABLED", "false"),
                    Map.entry("DD_REMOTE_CONFIG_ENABLED", "false"),
                    Map.entry("DD_RUNTIME_METRICS_ENABLED", "false"),
                    Map.entry("DD_TRACE_HEALTH_METRICS_ENABLED", "false"),
                    Map.entry("LRCP_PROVIDER", "openai"),
                    Map.entry("LRCP_OPENAI_BASE_URL", upstream.baseUrl()),
                    Map.entry("LRCP_SIMULATED_LATENCY_SCALE", "0")),
                work)) {
      service.awaitReady(Duration.ofMinutes(3));

      var ok =
          service.postJson(
              "/qa",
              """
              {"question":"Which city is the capital? Mail jane.doe@example.com",
               "document":"Paris is the capital of France.","model":"gpt-4o-mini"}""");
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      String okPrompt = JSON.readTree(ok.body()).get("metadata").get("prompt_id").asString();

      var failed =
          service.postJson(
              "/qa",
              "{\"question\":\"" + FakeChatCompletions.FAIL + "\",\"model\":\"gpt-4o-mini\"}");
      assertThat(failed.statusCode()).as(failed.body()).isBetween(500, 504);
      String failedPrompt = JSON.readTree(failed.body()).get("prompt_id").asString();

      var streamed =
          service.postGateway(
              "/v1/chat/completions",
              """
              {"model":"gpt-4o-mini","stream":true,
               "messages":[{"role":"user","content":"Which city is the capital?"}]}""");
      assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
      assertThat(streamed.body()).endsWith("data: [DONE]\n\n");
      String streamedPrompt = streamed.headers().firstValue("X-Request-Id").orElseThrow();

      await(() -> llmCalls(agent).size() >= 3 && agent.llmObsSpans().size() >= 3, service, agent);

      dump(agent, statsd, service);
      Map<String, Object> okSpan = callSpan(agent, okPrompt);
      Map<String, Object> failedSpan = callSpan(agent, failedPrompt);
      assertAnsweredSpan(agent, okSpan);
      assertFailedSpan(agent, failedSpan);
      assertLlmObs(agent, okSpan, failedSpan);
      assertLogs(service, okPrompt, okSpan);
      assertStreamedSpan(agent, callSpan(agent, streamedPrompt));
      assertMetrics(statsd);
      assertThat(service.output()).doesNotContain("jane.doe@example.com");
    }
  }

  @Test
  void servesNormallyWhenNothingListensOnTheAgentPorts(@TempDir Path work) throws Exception {
    int closedTracePort = ServiceProcess.freePort();
    int closedStatsdPort = ServiceProcess.freePort();
    try (var service =
        ServiceProcess.start(
            true,
            Map.of(
                "DD_TRACE_AGENT_URL", "http://127.0.0.1:" + closedTracePort,
                "DD_AGENT_HOST", "127.0.0.1",
                "DD_DOGSTATSD_PORT", String.valueOf(closedStatsdPort),
                "DD_LLMOBS_ENABLED", "true",
                "DD_TRACE_FLUSH_INTERVAL", "0.1",
                "DD_INSTRUMENTATION_TELEMETRY_ENABLED", "false",
                "DD_REMOTE_CONFIG_ENABLED", "false",
                "LRCP_SIMULATED_LATENCY_SCALE", "0"),
            work)) {
      service.awaitReady(Duration.ofMinutes(3));

      for (int i = 0; i < 3; i++) {
        var answer =
            service.postJson("/qa", "{\"question\":\"What is 2+2?\",\"document\":\"2+2 is 4.\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      }
      assertThat(service.get("/telemetry/catalog").statusCode()).isEqualTo(200);
      assertThat(service.lines())
          .filteredOn(l -> l.contains("\"level\":\"ERROR\"") && l.contains("dev.lrcp"))
          .isEmpty();
      assertThat(service.lines()).anyMatch(l -> l.contains("\"llm_call\""));
    }
  }

  /** Keeps what the agent and DogStatsD received, for debugging and for the docs' samples. */
  private static void dump(FakeDatadogAgent agent, UdpCapture statsd, ServiceProcess service)
      throws java.io.IOException {
    Path dir = Path.of("target", "telemetry-it");
    java.nio.file.Files.createDirectories(dir);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("spans.json").toFile(), agent.spans());
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("llmobs.json").toFile(), agent.llmObsSpans());
    java.nio.file.Files.writeString(dir.resolve("service.out"), service.output());
    java.nio.file.Files.write(
        dir.resolve("dogstatsd.txt"),
        statsd.until(l -> false, Duration.ofSeconds(2)).stream().map(StatsdLine::raw).toList());
  }

  private static void assertAnsweredSpan(FakeDatadogAgent agent, Map<String, Object> span) {
    assertThat(span.get("resource")).isEqualTo("openai.gpt-4o-mini.qa");
    assertThat(span.get("service")).isEqualTo("lrcp-it");
    assertThat(((Number) span.get("error")).intValue()).isZero();
    Map<String, Object> meta = map(span.get("meta"));
    Map<String, Object> metrics = map(span.get("metrics"));
    assertThat(meta)
        .containsEntry("llm.model", "gpt-4o-mini")
        .containsEntry("llm.provider", "openai")
        .containsEntry("llm.outcome", "success")
        // the service map and the catalogue draw the provider as a dependency from these two
        .containsEntry("span.kind", "client")
        .containsEntry("peer.service", "openai")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "gpt-4o-mini")
        .containsEntry("gen_ai.response.model", "gpt-4o-mini")
        .containsEntry("gen_ai.operation.name", "chat");
    assertThat(((Number) metrics.get("gen_ai.usage.input_tokens")).intValue())
        .isEqualTo(FakeChatCompletions.PROMPT_TOKENS);
    assertThat(((Number) metrics.get("gen_ai.usage.output_tokens")).intValue())
        .isEqualTo(FakeChatCompletions.COMPLETION_TOKENS);
    assertThat(((Number) metrics.get("llm.cost_usd")).doubleValue()).isPositive();
    assertThat(metrics).containsKeys("llm.retry_count", "llm.latency_ms");

    // the call span hangs under the agent's HTTP span for POST /qa, in the same trace
    Map<String, Object> root = rootOf(agent, span);
    assertThat(root.get("name")).isEqualTo("servlet.request");
    assertThat(root.get("resource")).isEqualTo("POST /qa");
    assertThat(span.get("parent_id")).isNotEqualTo(0L);

    // quality and security scoring get their own spans in the same trace
    assertThat(namesInTrace(agent, span)).contains("llm.security_scan", "llm.quality_scoring");
    var scan =
        inTrace(agent, span).stream()
            .filter(s -> "llm.security_scan".equals(s.get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(map(scan.get("meta"))).containsEntry("security.pii_types", "email");
  }

  /** A streamed call on the data plane: same span, with a measured time to first token. */
  private static void assertStreamedSpan(FakeDatadogAgent agent, Map<String, Object> span) {
    assertThat(span.get("resource")).isEqualTo("openai.gpt-4o-mini.chat");
    assertThat(map(span.get("meta"))).containsEntry("llm.outcome", "success");
    Map<String, Object> metrics = map(span.get("metrics"));
    assertThat(((Number) metrics.get("gen_ai.usage.output_tokens")).intValue())
        .isEqualTo(FakeChatCompletions.COMPLETION_TOKENS);
    assertThat(metrics).containsKey("llm.time_to_first_token_ms");
    Map<String, Object> root = rootOf(agent, span);
    assertThat(root.get("name")).isEqualTo("netty.request");
    assertThat(root.get("resource")).isEqualTo("POST /v1/chat/completions");
    // the input scan is traced; handing the answer to background scoring is not
    assertThat(namesInTrace(agent, span))
        .contains("llm.security_scan")
        .doesNotContain("llm.quality_scoring");
  }

  private static List<Map<String, Object>> inTrace(
      FakeDatadogAgent agent, Map<String, Object> span) {
    return agent.spans().stream()
        .filter(s -> Objects.equals(s.get("trace_id"), span.get("trace_id")))
        .toList();
  }

  private static List<Object> namesInTrace(FakeDatadogAgent agent, Map<String, Object> span) {
    return inTrace(agent, span).stream().map(s -> s.get("name")).toList();
  }

  private static void assertFailedSpan(FakeDatadogAgent agent, Map<String, Object> span) {
    assertThat(((Number) span.get("error")).intValue()).isEqualTo(1);
    Map<String, Object> meta = map(span.get("meta"));
    assertThat(meta).containsEntry("llm.outcome", "error").containsKey("error.message");
    assertThat(meta.get("error.type")).isIn("upstream_error", "unavailable");
    assertThat(((Number) map(span.get("metrics")).get("llm.retry_count")).intValue()).isPositive();
    Map<String, Object> root = rootOf(agent, span);
    assertThat(map(root.get("meta")).get("http.status_code")).isIn("502", "503");
  }

  private static void assertLlmObs(
      FakeDatadogAgent agent, Map<String, Object> okSpan, Map<String, Object> failedSpan) {
    Map<String, Object> ok = llmObsFor(agent, okSpan);
    Map<String, Object> meta = map(ok.get("meta"));
    assertThat(meta)
        .containsEntry("span.kind", "llm")
        .containsEntry("model_name", "gpt-4o-mini")
        .containsEntry("model_provider", "openai");
    Map<String, Object> metrics = map(ok.get("metrics"));
    assertThat(((Number) metrics.get("input_tokens")).intValue())
        .isEqualTo(FakeChatCompletions.PROMPT_TOKENS);
    assertThat(((Number) metrics.get("output_tokens")).intValue())
        .isEqualTo(FakeChatCompletions.COMPLETION_TOKENS);
    assertThat(metrics).containsKey("cost_usd");
    assertThat(String.valueOf(ok.get("tags"))).contains("ml_app:" + ML_APP);
    String input = String.valueOf(meta.get("input"));
    assertThat(input).contains("[REDACTED_EMAIL]").doesNotContain("jane.doe@example.com");
    assertThat(String.valueOf(meta.get("output"))).contains("Paris is the capital.");

    Map<String, Object> failed = llmObsFor(agent, failedSpan);
    assertThat(failed.get("status")).isEqualTo("error");
  }

  private static void assertLogs(ServiceProcess service, String promptId, Map<String, Object> span)
      throws Exception {
    JsonNode line = null;
    for (String text : service.lines()) {
      if (text.startsWith("{") && text.contains("\"llm_call\"") && text.contains(promptId)) {
        line = JSON.readTree(text);
      }
    }
    assertThat(line).as("llm_call line for %s", promptId).isNotNull();
    String traceId = line.get("dd.trace_id").asString();
    String lowHex = traceId.substring(traceId.length() - 16);
    assertThat(new BigInteger(lowHex, 16))
        .isEqualTo(FakeDatadogAgent.unsigned(span.get("trace_id")));
    assertThat(line.get("dd.span_id").asString()).isNotBlank();
    assertThat(line.get("model").asString()).isEqualTo("gpt-4o-mini");
    assertThat(line.get("input_tokens").asInt()).isEqualTo(FakeChatCompletions.PROMPT_TOKENS);
    assertThat(line.has("prompt")).as("no text unless log-text").isFalse();
  }

  private static void assertMetrics(UdpCapture statsd) {
    var lines =
        statsd.until(
            l -> l.stream().anyMatch(s -> s.name().equals("llm.error.count")),
            Duration.ofSeconds(15));
    var ours = lines.stream().filter(l -> l.name().startsWith("llm.")).toList();
    ours.forEach(DogStatsdWireTests::conformsToCatalog);
    assertThat(ours)
        .filteredOn(l -> l.name().equals("llm.request.latency_ms"))
        .allSatisfy(l -> assertThat(l.type()).isEqualTo("d"))
        .isNotEmpty();
    assertThat(ours.getFirst().tags()).contains("service:lrcp-it", "env:it", "version:9.9.9");
    assertThat(ours).extracting(StatsdLine::name).contains("llm.request.count", "llm.error.count");
  }

  private static List<Map<String, Object>> llmCalls(FakeDatadogAgent agent) {
    return agent.spans().stream().filter(s -> CallTrace.OPERATION.equals(s.get("name"))).toList();
  }

  private static Map<String, Object> callSpan(FakeDatadogAgent agent, String promptId) {
    return llmCalls(agent).stream()
        .filter(s -> promptId.equals(map(s.get("meta")).get("llm.prompt_id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no llm.call span for " + promptId));
  }

  private static Map<String, Object> rootOf(FakeDatadogAgent agent, Map<String, Object> span) {
    var traceId = span.get("trace_id");
    var inTrace =
        agent.spans().stream().filter(s -> Objects.equals(s.get("trace_id"), traceId)).toList();
    Map<String, Object> current = span;
    for (int depth = 0; depth < 20; depth++) {
      Object parent = current.get("parent_id");
      var next = inTrace.stream().filter(s -> Objects.equals(s.get("span_id"), parent)).findFirst();
      if (next.isEmpty()) {
        return current;
      }
      current = next.get();
    }
    return current;
  }

  private static Map<String, Object> llmObsFor(
      FakeDatadogAgent agent, Map<String, Object> apmSpan) {
    BigInteger traceId = FakeDatadogAgent.unsigned(apmSpan.get("trace_id"));
    return agent.llmObsSpans().stream()
        .filter(
            s -> {
              String apm = String.valueOf(map(s.get("_dd")).get("apm_trace_id"));
              return apm.length() >= 16
                  && new BigInteger(apm.substring(apm.length() - 16), 16).equals(traceId);
            })
        .findFirst()
        .orElseThrow(() -> new AssertionError("no LLM Observability span in trace " + traceId));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static void await(BooleanSupplier done, ServiceProcess service, FakeDatadogAgent agent)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "agent payloads incomplete: spans="
                + agent.spans().size()
                + " llmobs="
                + agent.llmObsSpans().size()
                + " requests="
                + agent.requests()
                + "\n"
                + service.output());
      }
      Thread.onSpinWait();
      synchronized (agent) {
        agent.wait(100);
      }
    }
  }
}
