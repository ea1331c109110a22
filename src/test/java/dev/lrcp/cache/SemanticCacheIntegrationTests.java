package dev.lrcp.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A route with semantic matching on, through the gateway with the real MiniLM: a paraphrase of an
 * earlier question is served that question's answer, the same question about another country is
 * not, and neither is a caller outside the namespace.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lrcp.simulated.latency-scale=0",
      "lrcp.cache.routes.chat.semantic=true",
      "lrcp.api-keys=key-one,key-two",
      "lrcp.storage.directory=target/semantic-cache-it-data",
      "spring.datasource.url=jdbc:h2:mem:semantic-cache-it;DB_CLOSE_DELAY=-1"
    })
class SemanticCacheIntegrationTests {

  @LocalServerPort int port;

  HttpResponse<String> ask(String key, String question) throws Exception {
    String body =
        "{\"model\":\"gpt-4o-mini\",\"temperature\":0,\"messages\":[{\"role\":\"user\","
            + "\"content\":\""
            + question
            + "\"}]}";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static String cache(HttpResponse<String> r) {
    return r.headers().firstValue("X-LRCP-Cache").orElse("");
  }

  static String answer(HttpResponse<String> r) {
    return JsonMapper.builder()
        .build()
        .readTree(r.body())
        .path("choices")
        .path(0)
        .path("message")
        .path("content")
        .asString();
  }

  @Test
  void aParaphraseIsServedTheEarlierAnswerAndANearMissIsNot() throws Exception {
    var first = ask("key-one", "What is the capital of France?");
    var paraphrase = ask("key-one", "Which city is the capital of France?");
    var nearMiss = ask("key-one", "What is the capital of Spain?");
    var otherCaller = ask("key-two", "Which city is the capital of France?");

    assertThat(cache(first)).isEqualTo("miss");
    assertThat(cache(paraphrase)).isEqualTo("semantic");
    assertThat(answer(paraphrase)).isEqualTo(answer(first));
    assertThat(cache(nearMiss)).isEqualTo("miss");
    assertThat(cache(otherCaller)).isEqualTo("miss");
  }
}
