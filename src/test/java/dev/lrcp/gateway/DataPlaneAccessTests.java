package dev.lrcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.gateway.GatewayTestApp.ScriptedLlm;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.TokenUsage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The data plane applies the service's API keys, as the main port's access filter does. */
@SpringBootTest(
    classes = GatewayTestApp.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"lrcp.gateway.port=0", "test.api-keys=sk-lrcp-test-key"})
class DataPlaneAccessTests {

  @Autowired DataPlaneServer dataPlane;
  @Autowired ScriptedLlm llm;

  @BeforeEach
  void answer() {
    llm.requests.clear();
    llm.behaviour.set(
        request -> LlmResponse.of("Hi", request.model(), "openai", TokenUsage.ZERO, "stop"));
  }

  @Test
  void aCallWithoutTheKeyIsA401ProblemAndNeverReachesTheModel() throws Exception {
    HttpResponse<String> response = chat(null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"lrcp\"");
    assertThat(GatewayIntegrationTests.JSON.readTree(response.body()).get("status").asInt())
        .isEqualTo(401);
    assertThat(response.body()).doesNotContain("sk-lrcp-test-key");
    assertThat(llm.requests).isEmpty();
  }

  @Test
  void aCallWithTheKeyIsServedAndTaggedWithItsFingerprint() throws Exception {
    HttpResponse<String> response = chat("Bearer sk-lrcp-test-key");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(llm.requests.getFirst().tags().client())
        .startsWith("key:")
        .doesNotContain("sk-lrcp-test-key");
  }

  @Test
  void aWrongKeyIsRefused() throws Exception {
    assertThat(chat("Bearer sk-wrong").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> chat(String authorization) throws Exception {
    var request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dataPlane.port() + "/v1/chat/completions"))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(GatewayIntegrationTests.OFFICIAL_BODY));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return GatewayIntegrationTests.HTTP.send(request.build(), BodyHandlers.ofString());
  }
}
