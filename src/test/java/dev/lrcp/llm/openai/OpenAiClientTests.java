package dev.lrcp.llm.openai;

import static dev.lrcp.llm.AdapterCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.llm.AdapterCalls;
import dev.lrcp.llm.FakeUpstream;
import dev.lrcp.llm.FakeUpstream.Reply;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.SharedDeadlines;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The adapter against a local server speaking the chat-completions wire format. */
class OpenAiClientTests {

  private final FakeUpstream server = new FakeUpstream();
  private OpenAiClient client;

  @BeforeEach
  void start() {
    client =
        new OpenAiClient(
            server.uri("/v1"), "sk-test", Duration.ofSeconds(20), SharedDeadlines.INSTANCE);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String fixture(String name) {
    return FakeUpstream.fixture("/llm/openai/" + name);
  }

  private void respond(int code, String fixture) {
    server.reply(Reply.json(code, fixture(fixture)));
  }

  private static LlmRequest request() {
    return AdapterCalls.request("gpt-4o-mini");
  }

  @Test
  void sendsTheChatRequestAndReadsTextAndUsage() throws Exception {
    respond(200, "chat-success.json");
    LlmResponse response = client.generate(request());
    assertThat(response.text()).isEqualTo("Datadog is an observability platform.");
    assertThat(response.model()).isEqualTo("gpt-4o-mini");
    assertThat(response.provider()).isEqualTo("openai");
    assertThat(response.usage().input()).isEqualTo(19);
    assertThat(response.usage().output()).isEqualTo(10);
    assertThat(response.finishReason()).isEqualTo("stop");
    assertThat(response.safetyBlock()).isFalse();

    FakeUpstream.Recorded sent = server.received().getFirst();
    assertThat(sent.target()).isEqualTo("/v1/chat/completions");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test");
    JsonNode body = JsonMapper.builder().build().readTree(sent.body());
    assertThat(body.path("model").asString()).isEqualTo("gpt-4o-mini");
    assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
    assertThat(body.path("messages").path(1).path("content").asString())
        .isEqualTo("What is Datadog?");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(2048);
    assertThat(body.has("stream")).isFalse();
  }

  @Test
  void reportsReasoningTokensAsThinkingNotTwiceAsOutput() {
    respond(200, "chat-reasoning.json");
    LlmResponse response = client.generate(request());
    assertThat(response.usage().output()).isEqualTo(10);
    assertThat(response.usage().thinking()).isEqualTo(320);
    assertThat(response.usage().billableOutput()).isEqualTo(330);
  }

  @Test
  void contentFilterIsASafetyBlock() {
    respond(200, "chat-content-filter.json");
    LlmResponse response = client.generate(request());
    assertThat(response.safetyBlock()).isTrue();
    assertThat(response.text()).contains("content_filter");
    assertThat(response.usage().input()).isEqualTo(25);
  }

  @ParameterizedTest
  @CsvSource({
    "429, error-429.json, RATE_LIMITED",
    "500, error-500.json, UPSTREAM_ERROR",
    "503, error-500.json, UNAVAILABLE",
    "401, error-500.json, AUTHENTICATION",
    "400, error-500.json, INVALID_REQUEST"
  })
  void mapsHttpErrorsThroughTheSharedMapper(int status, String fixture, LlmFailure expected) {
    respond(status, fixture);
    assertThatThrownBy(() -> client.generate(request()))
        .isInstanceOfSatisfying(
            LlmException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(expected);
              assertThat(e.provider()).isEqualTo("openai");
              assertThat(e.getMessage()).contains("HTTP " + status).doesNotContain("sk-test");
            });
  }

  @Test
  void rateLimitMessageFromTheBodyIsKept() {
    respond(429, "error-429.json");
    assertThatThrownBy(() -> client.generate(request())).hasMessageContaining("Rate limit reached");
  }

  @Test
  void aRateLimitCarriesTheWaitTheUpstreamAskedFor() {
    server.reply(Reply.json(429, fixture("error-429.json")).withHeader("Retry-After", "7"));
    server.reply(Reply.json(429, fixture("error-429.json")).withHeader("retry-after-ms", "1500"));
    server.reply(Reply.json(429, fixture("error-429.json")));

    assertThat(AdapterCalls.thrownBy(() -> client.generate(request())).retryAfter())
        .contains(Duration.ofSeconds(7));
    assertThat(AdapterCalls.thrownBy(() -> client.generate(request())).retryAfter())
        .contains(Duration.ofMillis(1500));
    assertThat(AdapterCalls.thrownBy(() -> client.generate(request())).retryAfter()).isEmpty();
  }

  @Test
  void aBodyThatStallsEndsInTimeout() {
    server.reply(Reply.stalling(fixture("chat-success.json")));
    var impatient =
        new OpenAiClient(
            server.uri("/v1"), "sk-test", Duration.ofMillis(300), SharedDeadlines.INSTANCE);
    assertThat(failureOf(() -> impatient.generate(request()))).isEqualTo(LlmFailure.TIMEOUT);
  }

  @Test
  void malformedBodiesAreMalformedResponses() {
    respond(200, "chat-truncated.json");
    assertThat(failureOf(() -> client.generate(request())))
        .isEqualTo(LlmFailure.MALFORMED_RESPONSE);
    server.reply(Reply.json(200, "{\"choices\": []}"));
    assertThat(failureOf(() -> client.generate(request())))
        .isEqualTo(LlmFailure.MALFORMED_RESPONSE);
    server.reply(Reply.json(200, "<html>Bad gateway</html>"));
    assertThat(failureOf(() -> client.generate(request())))
        .isEqualTo(LlmFailure.MALFORMED_RESPONSE);
  }

  @Test
  void anUnreachableServerIsUnavailable() {
    server.close();
    assertThat(failureOf(() -> client.generate(request()))).isEqualTo(LlmFailure.UNAVAILABLE);
  }

  @Test
  void streamsDeltasAndReadsTheFinalUsageChunk() throws Exception {
    server.reply(Reply.sse(fixture("chat-stream.sse")));
    var deltas = new ArrayList<String>();
    LlmResponse response = client.generate(request().withStream(deltas::add));
    assertThat(deltas).containsExactly("Datadog is", " an observability", " platform.");
    assertThat(response.text()).isEqualTo("Datadog is an observability platform.");
    assertThat(response.usage().input()).isEqualTo(19);
    assertThat(response.usage().output()).isEqualTo(8);
    assertThat(response.finishReason()).isEqualTo("stop");

    JsonNode body = JsonMapper.builder().build().readTree(server.received().getFirst().body());
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
  }

  @Test
  void aStreamThatEndsWithoutFinishingIsMalformed() {
    server.reply(
        Reply.sse("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: {not json\n\n"));
    assertThat(failureOf(() -> client.generate(request().withStream(d -> {}))))
        .isEqualTo(LlmFailure.MALFORMED_RESPONSE);
  }

  @Test
  void aStreamedErrorStatusIsMappedLikeAnyOther() {
    respond(429, "error-429.json");
    assertThat(failureOf(() -> client.generate(request().withStream(d -> {}))))
        .isEqualTo(LlmFailure.RATE_LIMITED);
    respond(429, "error-429.json");
    assertThatThrownBy(() -> client.generate(request().withStream(d -> {})))
        .hasMessageContaining("Rate limit reached");
  }

  @Test
  void aStreamedErrorBodyIsNeverForwardedAsDeltas() {
    server.reply(
        new Reply(
            500,
            "text/event-stream",
            "data: {\"choices\":[{\"delta\":{\"content\":\"leak\"}}]}\n\n",
            false));
    var deltas = new ArrayList<String>();
    assertThat(failureOf(() -> client.generate(request().withStream(deltas::add))))
        .isEqualTo(LlmFailure.UPSTREAM_ERROR);
    assertThat(deltas).isEmpty();
  }
}
