package dev.lrcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.gateway.GatewayTestApp.ScriptedLlm;
import dev.lrcp.gateway.GatewayTestApp.Signals;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.TokenUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI wire format over real HTTP, as an OpenAI client sends and parses it, on the main
 * (servlet) port.
 */
@SpringBootTest(
    classes = GatewayTestApp.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "lrcp.gateway.applications=checkout,search",
      "lrcp.gateway.features=summary",
      "lrcp.gateway.port=0",
      "lrcp.routing.models.chat=gemini-2.5-flash-lite"
    })
class GatewayIntegrationTests {

  /** The body of the chat completions example in OpenAI's API reference, byte for byte. */
  static final String OFFICIAL_BODY =
      """
      {
          "model": "gpt-4o-mini",
          "messages": [
            {
              "role": "developer",
              "content": "You are a helpful assistant."
            },
            {
              "role": "user",
              "content": "Hello!"
            }
          ]
        }""";

  static final JsonMapper JSON = new JsonMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @LocalServerPort int port;
  @Autowired ScriptedLlm llm;
  @Autowired Signals signals;

  @BeforeEach
  void reset() {
    llm.requests.clear();
    signals.reset();
    llm.behaviour.set(
        request -> LlmResponse.of("Hello there!", request.model(), "openai", usage(), "stop"));
  }

  @Test
  void officialOpenAiRequestGetsAStandardChatCompletion() throws Exception {
    HttpResponse<String> response = post(OFFICIAL_BODY, "Authorization", "Bearer sk-anything");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("id").asString()).startsWith("chatcmpl-");
    assertThat(body.get("object").asString()).isEqualTo("chat.completion");
    assertThat(body.get("created").asLong()).isEqualTo(GatewayTestApp.NOW.getEpochSecond());
    assertThat(body.get("model").asString()).isEqualTo("gpt-4o-mini");
    JsonNode choice = body.get("choices").get(0);
    assertThat(choice.get("index").asInt()).isZero();
    assertThat(choice.at("/message/role").asString()).isEqualTo("assistant");
    assertThat(choice.at("/message/content").asString()).isEqualTo("Hello there!");
    assertThat(choice.get("finish_reason").asString()).isEqualTo("stop");
    assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(12);
    assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(9);
    assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(21);
    assertThat(body.at("/usage/completion_tokens_details/reasoning_tokens").asInt()).isEqualTo(2);
  }

  @Test
  void translatesTheChatIntoThePortAndProducesTheSignals() throws Exception {
    post(OFFICIAL_BODY, "X-LRCP-Application", "checkout", "X-LRCP-Feature", "summary");

    var request = llm.requests.getFirst();
    assertThat(request.endpoint()).isEqualTo("/v1/chat/completions");
    assertThat(request.requestType()).isEqualTo("chat");
    assertThat(request.model()).isEqualTo("gpt-4o-mini");
    assertThat(request.messages())
        .containsExactly(
            new Message(Message.Role.SYSTEM, "You are a helpful assistant."),
            new Message(Message.Role.USER, "Hello!"));
    assertThat(request.tags().application()).isEqualTo("checkout");
    assertThat(request.tags().feature()).isEqualTo("summary");
    assertThat(signals.scannedPrompts).containsExactly("Hello!");
    assertThat(signals.scored)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.question()).isEqualTo("Hello!");
              assertThat(s.answer()).isEqualTo("Hello there!");
            });
    // one record, scored in the background, labelled with the allow-listed headers
    awaitTrue(() -> signals.recordOf(request.promptId()) != null);
    assertThat(signals.records.stream().filter(r -> r.promptId().equals(request.promptId())))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.quality().semanticSimilarity()).isEqualTo(0.9);
              assertThat(r.labels().application()).isEqualTo("checkout");
              assertThat(r.routing().reason()).isEqualTo("request");
            });
  }

  @Test
  void autoLetsTheRouterChooseTheModelConfiguredForChat() throws Exception {
    HttpResponse<String> response = post(OFFICIAL_BODY.replace("gpt-4o-mini", "auto"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("model").asString())
        .isEqualTo("gemini-2.5-flash-lite");
    var request = llm.requests.getFirst();
    assertThat(request.model()).isEqualTo("gemini-2.5-flash-lite");
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(request.promptId());
    awaitTrue(() -> signals.recordOf(request.promptId()) != null);
    assertThat(signals.recordOf(request.promptId()).routing().reason()).isEqualTo("endpoint");
  }

  @Test
  void tagsOnlyWithAllowListedHeaderValues() throws Exception {
    post(OFFICIAL_BODY, "X-LRCP-Application", "user-42-free-text", "X-LRCP-Feature", "other");

    var tags = llm.requests.getFirst().tags();
    assertThat(tags.application()).isNull();
    assertThat(tags.feature()).isNull();
  }

  @Test
  void streamsDeltasInOrderThenFinishThenUsageThenDone() throws Exception {
    llm.behaviour.set(
        request -> {
          request.stream().onText("Hel");
          request.stream().onText("lo");
          return LlmResponse.of("Hello", request.model(), "openai", usage(), "stop");
        });

    HttpResponse<String> response = post(streamBody(true));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("text/event-stream");
    List<String> events = events(response.body());
    assertThat(events).hasSize(5).last().isEqualTo("[DONE]");
    List<JsonNode> chunks = events.subList(0, 4).stream().map(JSON::readTree).toList();
    assertThat(chunks)
        .allSatisfy(
            c -> {
              assertThat(c.get("object").asString()).isEqualTo("chat.completion.chunk");
              assertThat(c.get("id").asString()).isEqualTo(chunks.getFirst().get("id").asString());
              assertThat(c.get("model").asString()).isEqualTo("gpt-4o-mini");
            });
    assertThat(chunks.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
    assertThat(chunks.get(0).at("/choices/0/delta/content").asString()).isEqualTo("Hel");
    assertThat(chunks.get(1).at("/choices/0/delta/content").asString()).isEqualTo("lo");
    assertThat(chunks.get(1).at("/choices/0/delta").has("role")).isFalse();
    assertThat(chunks.get(2).at("/choices/0/delta").isEmpty()).isTrue();
    assertThat(chunks.get(1).at("/choices/0/finish_reason").isNull()).isTrue();
    assertThat(chunks.get(2).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
    assertThat(chunks.get(3).get("choices").isEmpty()).isTrue();
    assertThat(chunks.get(3).at("/usage/prompt_tokens").asInt()).isEqualTo(12);
    assertThat(chunks.get(3).at("/usage/completion_tokens").asInt()).isEqualTo(9);
    String promptId = llm.requests.getFirst().promptId();
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(promptId);
    assertThat(chunks.getFirst().get("id").asString()).isEqualTo("chatcmpl-" + promptId);
    assertThat(signals.scored)
        .singleElement()
        .satisfies(x -> assertThat(x.answer()).isEqualTo("Hello"));
    awaitTrue(() -> signals.recordOf(promptId) != null);
    assertThat(signals.recordOf(promptId).numbers().ttftMs())
        .isLessThanOrEqualTo(signals.recordOf(promptId).numbers().latencyMs());
  }

  @Test
  void eachDeltaReachesTheClientBeforeTheNextIsProduced() throws Exception {
    var firstDeltaSeen = new CountDownLatch(1);
    var seenInTime = new AtomicBoolean();
    llm.behaviour.set(
        request -> {
          request.stream().onText("Hel");
          try {
            // a gateway that buffered would hold "Hel" back and this wait would time out
            seenInTime.set(firstDeltaSeen.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          request.stream().onText("lo");
          return LlmResponse.of("Hello", request.model(), "openai", usage(), "stop");
        });
    var request =
        HttpRequest.newBuilder(uri("/v1/chat/completions"))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(streamBody(false)))
            .build();

    try (Stream<String> lines = HTTP.send(request, BodyHandlers.ofLines()).body()) {
      Iterator<String> data = lines.filter(l -> l.startsWith("data: ")).iterator();
      assertThat(data.next()).contains("\"content\":\"Hel\"");
      firstDeltaSeen.countDown();
      assertThat(data.next()).contains("\"content\":\"lo\"");
      data.next(); // finish chunk
      assertThat(data.next()).isEqualTo("data: [DONE]");
    }
    assertThat(seenInTime).as("the first delta arrived while the model was still going").isTrue();
  }

  @Test
  void streamWithoutIncludeUsageHasNoUsageChunk() throws Exception {
    llm.behaviour.set(
        request -> {
          request.stream().onText("Hi");
          return LlmResponse.of("Hi", request.model(), "openai", usage(), "MAX_TOKENS");
        });

    List<String> events = events(post(streamBody(false)).body());

    assertThat(events).hasSize(3).last().isEqualTo("[DONE]");
    JsonNode finish = JSON.readTree(events.get(1));
    assertThat(finish.at("/choices/0/finish_reason").asString()).isEqualTo("length");
    assertThat(finish.get("usage").isNull()).isTrue();
  }

  @Test
  void unknownModelIsAnOpenAiModelNotFound() throws Exception {
    HttpResponse<String> response = post(OFFICIAL_BODY.replace("gpt-4o-mini", "gpt-9-imaginary"));

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
    assertThat(error.get("code").asString()).isEqualTo("model_not_found");
    assertThat(error.get("param").asString()).isEqualTo("model");
    assertThat(error.get("message").asString()).contains("gpt-9-imaginary");
    assertThat(llm.requests).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "'{not json', ",
    "'{\"model\":\"gpt-4o-mini\"}', messages",
    "'{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}', messages[0].role",
    "'{\"model\":\"gpt-4o-mini\",\"temperature\":3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}', temperature",
    "'{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"\\u200b\\ufeff\"}]}', messages[0].content",
    "'{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"\\u0000\"}]}', messages[0].content",
  })
  void badBodiesAreInvalidRequestErrors(String body, String param) throws Exception {
    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
    assertThat(error.get("message").asString()).isNotBlank();
    assertThat(error.get("param").isNull() ? null : error.get("param").asString()).isEqualTo(param);
    assertThat(llm.requests).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "RATE_LIMITED, 429, rate_limit_error, rate_limit_exceeded",
    "UPSTREAM_ERROR, 502, api_error, upstream_error",
    "AUTHENTICATION, 502, api_error, upstream_authentication",
    "UNAVAILABLE, 503, api_error, upstream_unavailable",
    "CIRCUIT_OPEN, 503, api_error, circuit_open",
    "TIMEOUT, 504, api_error, upstream_timeout",
  })
  void upstreamFailuresKeepGatewayStatuses(LlmFailure failure, int status, String type, String code)
      throws Exception {
    llm.behaviour.set(
        request -> {
          throw new LlmException(failure, request.model(), "openai", "secret upstream text");
        });

    for (String body : List.of(OFFICIAL_BODY, streamBody(true))) {
      HttpResponse<String> response = post(body);

      assertThat(response.statusCode()).isEqualTo(status);
      JsonNode error = JSON.readTree(response.body()).get("error");
      assertThat(error.get("type").asString()).isEqualTo(type);
      assertThat(error.get("code").asString()).isEqualTo(code);
      assertThat(error.get("message").asString()).doesNotContain("secret");
    }
    // failed calls are never scored, and are recorded as failures
    var failedIds = llm.requests.stream().map(r -> r.promptId()).toList();
    assertThat(failedIds).hasSize(2);
    assertThat(signals.scored).isEmpty();
    awaitTrue(() -> failedIds.stream().allMatch(id -> signals.recordOf(id) != null));
    assertThat(failedIds)
        .allSatisfy(id -> assertThat(signals.recordOf(id).failure()).isEqualTo(failure));
  }

  @Test
  void failureAfterTheFirstTokenIsReportedInBandWithoutDone() throws Exception {
    llm.behaviour.set(
        request -> {
          request.stream().onText("Partial");
          throw new LlmException(LlmFailure.UPSTREAM_ERROR, request.model(), "openai", "reset");
        });

    HttpResponse<String> response = post(streamBody(true));

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> events = events(response.body());
    assertThat(events).hasSize(2).doesNotContain("[DONE]");
    assertThat(JSON.readTree(events.get(1)).at("/error/code").asString())
        .isEqualTo("upstream_error");
  }

  @Test
  void aNonJsonBodyIsAnOpenAiShaped415() throws Exception {
    var request =
        HttpRequest.newBuilder(uri("/v1/chat/completions"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString("model=gpt-4o-mini"))
            .build();

    HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(response.body()).at("/error/type").asString())
        .isEqualTo("invalid_request_error");
  }

  @Test
  void blockedInputIsRefusedBeforeTheModelIsCalled() throws Exception {
    signals.blockReason.set("prompt injection");

    HttpResponse<String> response = post(OFFICIAL_BODY);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).at("/error/code").asString())
        .isEqualTo("content_policy_violation");
    assertThat(llm.requests).isEmpty();
    String promptId = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(signals.recordOf(promptId).outcome()).isEqualTo(CallRecord.Outcome.BLOCKED);
  }

  @Test
  void listsTheCatalogModelsInOpenAiShape() throws Exception {
    var request = HttpRequest.newBuilder(uri("/v1/models")).GET().build();
    JsonNode body = JSON.readTree(HTTP.send(request, BodyHandlers.ofString()).body());

    assertThat(body.get("object").asString()).isEqualTo("list");
    assertThat(body.get("data").valueStream().map(m -> m.get("id").asString()))
        .contains("gpt-4o-mini", "gemini-2.5-flash");
    assertThat(body.at("/data/0/object").asString()).isEqualTo("model");
    assertThat(body.at("/data/0/owned_by").asString()).isNotBlank();
  }

  static String streamBody(boolean includeUsage) {
    return """
        {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":%s},
         "messages":[{"role":"user","content":[{"type":"text","text":"Say hello"}]}]}"""
        .formatted(includeUsage);
  }

  static TokenUsage usage() {
    return new TokenUsage(12, 7, 2);
  }

  /** The payloads of the {@code data:} events, in order. */
  static List<String> events(String sse) {
    assertThat(sse).endsWith("\n\n");
    return Arrays.stream(sse.split("\n\n"))
        .peek(e -> assertThat(e).startsWith("data: "))
        .map(e -> e.substring("data: ".length()))
        .toList();
  }

  HttpResponse<String> post(String body, String... headers) throws Exception {
    var request =
        HttpRequest.newBuilder(uri("/v1/chat/completions"))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + gatewayPort() + path);
  }

  /** The servlet port here; {@link DataPlaneIntegrationTests} runs every test on the data plane. */
  int gatewayPort() {
    return port;
  }

  static void awaitTrue(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met in time").isBefore(deadline);
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // poll, not a timing assumption
    }
  }
}
