package dev.lrcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every wire-format test of {@link GatewayIntegrationTests}, on the Netty data plane, plus what
 * only a hand-written HTTP server has to get right: unknown paths and methods, keep-alive,
 * pipelining order and the body limit.
 */
class DataPlaneIntegrationTests extends GatewayIntegrationTests {

  @Autowired DataPlaneServer dataPlane;

  @Override
  int gatewayPort() {
    return dataPlane.port();
  }

  @Test
  void listensOnItsOwnPort() {
    assertThat(dataPlane.port()).isPositive().isNotEqualTo(port);
  }

  @Test
  void unknownPathsAndMethodsGetOpenAiErrors() throws Exception {
    var unknown = HttpRequest.newBuilder(uri("/v1/embeddings")).GET().build();
    var wrongMethod = HttpRequest.newBuilder(uri("/v1/chat/completions")).GET().build();

    HttpResponse<String> notFound = HTTP.send(unknown, BodyHandlers.ofString());
    HttpResponse<String> notAllowed = HTTP.send(wrongMethod, BodyHandlers.ofString());

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(notFound.body()).at("/error/code").asString())
        .isEqualTo("unknown_url");
    assertThat(notAllowed.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(notAllowed.body()).at("/error/type").asString())
        .isEqualTo("invalid_request_error");
  }

  @Test
  void aBodyOverTheRequestLimitIsA413Problem() throws Exception {
    String huge =
        OFFICIAL_BODY.replace("Hello!", "x".repeat((int) GatewayTestApp.MAX_REQUEST_BYTES + 1));

    HttpResponse<String> response = post(huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(413);
    assertThat(llm.requests).isEmpty();
  }

  @Test
  void pipelinedRequestsOnOneConnectionAreAnsweredInOrder() throws Exception {
    byte[] chat = OFFICIAL_BODY.getBytes(StandardCharsets.UTF_8);
    String requests =
        "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + chat.length
            + "\r\n\r\n"
            + OFFICIAL_BODY
            + "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            + "GET /v1/nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

    try (var socket = new Socket("127.0.0.1", gatewayPort())) {
      socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();

      RawResponse first = RawResponse.read(in);
      RawResponse second = RawResponse.read(in);
      RawResponse third = RawResponse.read(in);

      assertThat(first.status()).isEqualTo(200);
      assertThat(JSON.readTree(first.body()).get("object").asString()).isEqualTo("chat.completion");
      assertThat(first.headers()).containsKey("x-request-id");
      assertThat(second.status()).isEqualTo(200);
      assertThat(JSON.readTree(second.body()).get("object").asString()).isEqualTo("list");
      assertThat(third.status()).isEqualTo(404);
      assertThat(third.headers()).containsEntry("connection", "close");
      assertThat(in.read()).as("the server closes after Connection: close").isEqualTo(-1);
    }
  }

  @Test
  void aRequestLineNamingAnotherHttpVersionIsA505AndNeverReachesTheModel() throws Exception {
    try (var socket = new Socket("127.0.0.1", gatewayPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /v1/models HTTP/3.0\r\nHost: 127.0.0.1\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      RawResponse response = RawResponse.read(socket.getInputStream());

      assertThat(response.status()).isEqualTo(505);
      assertThat(JSON.readTree(response.body()).at("/error/code").asString())
          .isEqualTo("http_version_not_supported");
    }
    assertThat(llm.requests).isEmpty();
  }

  @Test
  void keepAliveReusesTheConnectionForSeveralCalls() throws Exception {
    try (var socket = new Socket("127.0.0.1", gatewayPort())) {
      for (int i = 0; i < 3; i++) {
        byte[] chat = OFFICIAL_BODY.getBytes(StandardCharsets.UTF_8);
        socket
            .getOutputStream()
            .write(
                ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: "
                        + chat.length
                        + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(chat);
        RawResponse response = RawResponse.read(socket.getInputStream());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).doesNotContainKey("connection");
      }
    }
    assertThat(llm.requests).hasSize(3);
  }

  @Test
  void aChunkedRequestBodyIsAccepted() throws Exception {
    var request =
        HttpRequest.newBuilder(uri("/v1/chat/completions"))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(
                BodyPublishers.ofInputStream(
                    () ->
                        new java.io.ByteArrayInputStream(
                            OFFICIAL_BODY.getBytes(StandardCharsets.UTF_8))))
            .build();

    HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.at("/choices/0/message/content").asString()).isEqualTo("Hello there!");
  }

  /** One HTTP/1.1 response with a Content-Length body, read off a raw socket. */
  record RawResponse(int status, Map<String, String> headers, String body) {
    static RawResponse read(InputStream in) throws IOException {
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      var headers = new LinkedHashMap<String, String>();
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
      byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
      return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
      var out = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        assertThat(b).as("connection closed mid-response").isNotEqualTo(-1);
        if (b != '\r') {
          out.write(b);
        }
      }
      return out.toString(StandardCharsets.US_ASCII);
    }
  }
}
