package dev.lrcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on the simulated provider, over real HTTP on a random local port: every
 * module's real beans, no mocks. Artificial provider latency is off; the injected-fault delay is
 * shortened so the test stays fast.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "lrcp.simulated.latency-scale=0",
      "lrcp.resilience.faults.latency=50ms",
      "lrcp.resilience.backoff.initial=1ms",
      "lrcp.max-request-size=64KB",
      "lrcp.request-head-timeout=2s",
      "lrcp.storage.directory=target/flow-it-data",
      "spring.datasource.url=jdbc:h2:mem:flow-it;DB_CLOSE_DELAY=-1"
    })
class ControlPlaneIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String AI_DOCUMENT =
      "Artificial intelligence (AI) is the simulation of human intelligence by machines.";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
  }

  HttpRequest.Builder to(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
  }

  HttpResponse<String> postJson(String pathAndQuery, String body) throws Exception {
    return send(
        to(pathAndQuery)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)));
  }

  JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  static String qa(String question, String document) {
    return JSON.writeValueAsString(java.util.Map.of("question", question, "document", document));
  }

  @Test
  void qaAnswersTheOriginalsExampleFromTheDocumentWithAllMetadata() throws Exception {
    JsonNode body = ok(postJson("/qa", qa("What is artificial intelligence?", AI_DOCUMENT)));

    assertThat(body.path("answer").asString()).contains("simulation of human intelligence");
    JsonNode metadata = body.path("metadata");
    for (String key :
        List.of(
            "prompt_id",
            "model",
            "model_version",
            "provider",
            "latency_ms",
            "input_tokens",
            "output_tokens",
            "cost_usd",
            "retry_count",
            "safety_block",
            "fallback_used",
            "llm.response.length",
            "llm.semantic_similarity_score",
            "llm.ungrounded_answer_flag",
            "security.prompt_injection_score")) {
      assertThat(metadata.has(key)).as(key).isTrue();
    }
    assertThat(metadata.path("provider").asString()).isEqualTo("simulated");
    assertThat(metadata.path("model").asString()).isEqualTo("gemini-2.5-flash");
    assertThat(metadata.path("input_tokens").asInt()).isPositive();
    assertThat(metadata.path("output_tokens").asInt()).isPositive();
    assertThat(metadata.path("cost_usd").asDouble()).isPositive();
    assertThat(metadata.path("llm.ungrounded_answer_flag").asBoolean()).isFalse();
  }

  @Test
  void simulateRetryIsRecoveredByARealRetry() throws Exception {
    JsonNode metadata =
        ok(postJson("/qa?simulate_retry=true", qa("What is AI?", AI_DOCUMENT))).path("metadata");
    assertThat(metadata.path("retry_count").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void simulateBadPromptEndsInASafetyBlock() throws Exception {
    JsonNode metadata =
        ok(postJson("/qa?simulate_bad_prompt=1", qa("What is AI?", AI_DOCUMENT))).path("metadata");
    assertThat(metadata.path("safety_block").asBoolean()).isTrue();
  }

  @Test
  void simulateLatencyAddsUpstreamDelay() throws Exception {
    JsonNode metadata =
        ok(postJson("/reason?simulate_latency=yes", "{\"prompt\": \"Explain SLOs.\"}"))
            .path("metadata");
    assertThat(metadata.path("latency_ms").asLong()).isGreaterThanOrEqualTo(50);
  }

  @Test
  void simulateLongContextReallyLengthensThePrompt() throws Exception {
    String body = qa("What is AI?", AI_DOCUMENT);
    JsonNode plain = ok(postJson("/qa", body)).path("metadata");
    JsonNode longer = ok(postJson("/qa?simulate_long_context=on", body)).path("metadata");
    assertThat(longer.path("input_tokens").asInt())
        .isGreaterThan(5 * plain.path("input_tokens").asInt());
    assertThat(longer.path("cost_usd").asDouble()).isGreaterThan(plain.path("cost_usd").asDouble());
  }

  @Test
  void stressTokensGrowWithRepetitionsAndReasonUsesTheReasoningModel() throws Exception {
    JsonNode one =
        ok(postJson("/stress", "{\"prompt\": \"Summarize incidents.\", \"repetitions\": 1}"))
            .path("metadata");
    JsonNode fifty =
        ok(postJson("/stress", "{\"prompt\": \"Summarize incidents.\", \"repetitions\": 50}"))
            .path("metadata");
    assertThat(fifty.path("input_tokens").asInt())
        .isGreaterThan(20 * one.path("input_tokens").asInt());

    JsonNode reason = ok(postJson("/reason", "{\"prompt\": \"Explain SLOs.\"}")).path("metadata");
    assertThat(reason.path("model").asString()).isEqualTo("gemini-2.5-pro");
  }

  @Test
  void healthServiceInfoAndApiDocsAreServed() throws Exception {
    assertThat(ok(send(to("/health"))).path("status").asString()).isEqualTo("ok");
    assertThat(ok(send(to("/actuator/health"))).path("status").asString()).isEqualTo("UP");
    assertThat(ok(send(to("/"))).path("provider").asString()).isEqualTo("simulated");

    String spec = ok(send(to("/openapi.json"))).toString();
    assertThat(spec)
        .contains("\"/qa\"", "\"/reason\"", "\"/stress\"", "simulate_latency")
        .contains("What is Datadog?", "urn:lrcp:problem:upstream-timeout");
    var docs = send(to("/docs"));
    assertThat(docs.statusCode()).isIn(200, 302);
  }

  @Test
  void transportLevelAbuseIsAProblemNeverA5xx() throws Exception {
    var multipart =
        send(
            to("/qa")
                .header("Content-Type", "multipart/form-data")
                .POST(BodyPublishers.ofString("--x\r\n")));
    var badCharset =
        send(
            to("/qa")
                .header("Content-Type", "application/json; charset=bogus")
                .POST(BodyPublishers.ofString("{}")));
    byte[] big =
        ("{\"question\": \"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    var chunkedTooLarge =
        send(
            to("/qa")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

    for (var response : List.of(multipart, badCharset, chunkedTooLarge)) {
      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    assertThat(chunkedTooLarge.statusCode()).isEqualTo(413);
  }

  @Test
  void backgroundJobsRunOnPlatformThreadsNotOnTheCarriersOfRequestThreads() throws Exception {
    // the one scheduler: @Scheduled methods and the incident and storage jobs all use it
    TaskScheduler scheduler = context.getBean(TaskScheduler.class);
    var ran = new CompletableFuture<Thread>();
    scheduler.schedule(() -> ran.complete(Thread.currentThread()), Instant.now());

    Thread job = ran.get(10, TimeUnit.SECONDS);
    assertThat(job.isVirtual()).isFalse();
    assertThat(job.getName()).startsWith("lrcp-jobs-");
  }
}
