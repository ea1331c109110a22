package dev.lrcp.llm.gemini;

import static dev.lrcp.llm.AdapterCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import dev.lrcp.llm.AdapterCalls;
import dev.lrcp.llm.FakeUpstream;
import dev.lrcp.llm.FakeUpstream.Reply;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmProperties;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real Google Gen AI SDK against a local server speaking the Gemini REST format. */
class GeminiClientTests {

  private final FakeUpstream server = new FakeUpstream();

  @AfterEach
  void stop() {
    server.close();
  }

  private GeminiClient client(Duration timeout) {
    var gemini = new LlmProperties.Gemini("fake-key", server.uri(""), timeout);
    return GeminiClient.create(gemini, new LlmProperties.Gcp(null, "us-central1"));
  }

  private GeminiClient client() {
    return client(Duration.ofSeconds(20));
  }

  private static String fixture(String name) {
    return FakeUpstream.fixture("/llm/gemini/" + name);
  }

  private static LlmRequest request() {
    return AdapterCalls.request("gemini-2.5-flash");
  }

  @Test
  void readsVisibleTextAndUsageIncludingThoughts() {
    server.reply(Reply.json(200, fixture("generate-success.json")));
    LlmResponse response = client().generate(request());
    assertThat(response.text()).isEqualTo("Datadog is an observability platform.");
    assertThat(response.provider()).isEqualTo("gemini");
    assertThat(response.model()).isEqualTo("gemini-2.5-flash");
    assertThat(response.usage().input()).isEqualTo(14);
    assertThat(response.usage().output()).isEqualTo(8);
    assertThat(response.usage().thinking()).isEqualTo(120);
    assertThat(response.finishReason()).isEqualTo("STOP");

    FakeUpstream.Recorded sent = server.received().getFirst();
    assertThat(sent.target()).endsWith("/models/gemini-2.5-flash:generateContent");
    assertThat(sent.header("x-goog-api-key")).isEqualTo("fake-key");
    JsonNode body = JsonMapper.builder().build().readTree(sent.body());
    assertThat(body.path("contents").path(0).path("parts").path(0).path("text").asString())
        .isEqualTo("What is Datadog?");
    assertThat(body.path("systemInstruction").path("parts").path(0).path("text").asString())
        .isEqualTo("Be brief.");
    assertThat(body.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(2048);
    assertThat(body.path("generationConfig").has("thinkingConfig"))
        .as("no budget: the model's own dynamic thinking")
        .isFalse();
  }

  @Test
  void aThinkingBudgetIsSentAsTheThinkingConfig() {
    server.reply(Reply.json(200, fixture("generate-success.json")));
    LlmRequest plain = request();
    var budgeted =
        new LlmRequest(
            plain.promptId(),
            plain.endpoint(),
            plain.requestType(),
            plain.model(),
            plain.messages(),
            plain.options().withThinkingBudget(256),
            null,
            null,
            null);

    client().generate(budgeted);

    JsonNode body = JsonMapper.builder().build().readTree(server.received().getFirst().body());
    assertThat(body.at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(256);
  }

  @Test
  void aSafetyFinishReasonIsASafetyBlock() {
    server.reply(Reply.json(200, fixture("generate-safety.json")));
    LlmResponse response = client().generate(request());
    assertThat(response.safetyBlock()).isTrue();
    assertThat(response.text()).contains("SAFETY");
    assertThat(response.usage().input()).isEqualTo(11);
  }

  @Test
  void aBlockedPromptIsASafetyBlock() {
    server.reply(Reply.json(200, fixture("generate-prompt-blocked.json")));
    LlmResponse response = client().generate(request());
    assertThat(response.safetyBlock()).isTrue();
    assertThat(response.text()).contains("PROHIBITED_CONTENT");
  }

  @ParameterizedTest
  @CsvSource({
    "429, error-429.json, RATE_LIMITED",
    "500, error-500.json, UPSTREAM_ERROR",
    "503, error-503.json, UNAVAILABLE",
    "403, error-500.json, AUTHENTICATION",
    "400, error-500.json, INVALID_REQUEST"
  })
  void mapsHttpErrorsThroughTheSharedMapperWithoutSdkRetries(
      int status, String fixture, LlmFailure expected) {
    server.reply(Reply.json(status, fixture(fixture)));
    server.reply(Reply.json(200, fixture("generate-success.json")));
    assertThat(failureOf(() -> client().generate(request()))).isEqualTo(expected);
    assertThat(server.received()).as("the SDK must not retry on its own").hasSize(1);
  }

  @Test
  void sdkRetriesAreSwitchedOffEntirely() {
    var options =
        GeminiClient.httpOptions(new LlmProperties.Gemini("k", null, Duration.ofSeconds(3)));
    var retry = options.retryOptions().orElseThrow();
    assertThat(retry.attempts()).contains(1);
    assertThat(retry.httpStatusCodes()).hasValueSatisfying(codes -> assertThat(codes).isEmpty());
    assertThat(options.timeout()).contains(3000);
  }

  @Test
  void aBodyThatStallsEndsInTimeout() {
    server.reply(Reply.stalling(fixture("generate-success.json")));
    assertThat(failureOf(() -> client(Duration.ofMillis(300)).generate(request())))
        .isEqualTo(LlmFailure.TIMEOUT);
  }

  @Test
  void malformedBodiesAreMalformedResponses() {
    server.reply(Reply.json(200, fixture("generate-truncated.json")));
    assertThat(failureOf(() -> client().generate(request())))
        .isEqualTo(LlmFailure.MALFORMED_RESPONSE);
    server.reply(Reply.json(200, "{\"modelVersion\": \"gemini-2.5-flash\"}"));
    assertThat(failureOf(() -> client().generate(request())))
        .isEqualTo(LlmFailure.MALFORMED_RESPONSE);
  }

  @Test
  void streamsDeltasAndKeepsTheLastUsage() {
    server.reply(Reply.sse(fixture("stream.sse")));
    var deltas = new ArrayList<String>();
    LlmResponse response = client().generate(request().withStream(deltas::add));
    assertThat(deltas).containsExactly("Datadog is", " an observability", " platform.");
    assertThat(response.text()).isEqualTo("Datadog is an observability platform.");
    assertThat(response.usage().output()).isEqualTo(8);
    assertThat(response.usage().thinking()).isEqualTo(30);
    assertThat(server.received().getFirst().target())
        .contains(":streamGenerateContent")
        .contains("alt=sse");
  }

  @Test
  void vertexAiModeCallsThePublisherModelPathWithABearerToken() {
    server.reply(Reply.json(200, fixture("generate-success.json")));
    var token = new AccessToken("fake-token", Date.from(Instant.now().plusSeconds(3600)));
    var sdk =
        Client.builder()
            .vertexAI(true)
            .project("demo-project")
            .location("us-central1")
            .credentials(GoogleCredentials.create(token))
            .httpOptions(
                GeminiClient.httpOptions(
                    new LlmProperties.Gemini(null, server.uri(""), Duration.ofSeconds(20))))
            .build();
    LlmResponse response = new GeminiClient(sdk, "vertex").generate(request());
    assertThat(response.text()).isEqualTo("Datadog is an observability platform.");
    assertThat(response.provider()).isEqualTo("vertex");
    FakeUpstream.Recorded sent = server.received().getFirst();
    assertThat(sent.target())
        .contains("/projects/demo-project/locations/us-central1/publishers/google/models/")
        .endsWith("gemini-2.5-flash:generateContent");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer fake-token");
  }
}
