package dev.lrcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a careless client or an attacker sends the main port, over real HTTP through Tomcat and
 * every filter: odd media types, badly encoded queries, texts with nothing visible, malformed and
 * slow request heads. The answer is always a clear 4xx in the endpoint's own error shape, never a
 * 5xx or Tomcat's HTML page. Same settings as {@link ControlPlaneIntegrationTests} (one context).
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
class MalformedRequestsIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Every JSON endpoint with a body that passes validation, so only the media type can fail. */
  static final Map<String, String> JSON_ENDPOINTS =
      Map.of(
          "/qa", "{\"question\": \"Why?\"}",
          "/reason", "{\"prompt\": \"Plan\"}",
          "/stress", "{\"prompt\": \"Plan\"}",
          "/security/scan", "{\"text\": \"hi\", \"source\": \"prompt\"}",
          "/quality/score", "{\"question\": \"q\", \"answer\": \"a\"}",
          "/incidents/create",
              "{\"monitor_name\": \"m\", \"alert_message\": \"a\", \"runbook\": \"r\"}",
          "/insights", "{}",
          "/optimization/anomaly/attribute", "{\"metric\": \"latency\"}");

  static final List<String> NOT_JSON =
      List.of(
          "*/*",
          "application/*",
          "*/*; charset=utf-8",
          "application/*+json",
          "multipart/form-data; boundary=x",
          "text/plain",
          "not a media type");

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<String> post(String pathAndQuery, String contentType, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .POST(BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .build(),
        BodyHandlers.ofString());
  }

  static JsonNode problem(HttpResponse<String> response, int status, String kind) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("type").asString()).isEqualTo("urn:lrcp:problem:" + kind);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    return body;
  }

  static JsonNode openAiError(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.at("/error/type").asString()).isEqualTo("invalid_request_error");
    assertThat(body.at("/error/message").asString()).isNotBlank();
    return body;
  }

  @Test
  void aBodyThatIsNotDeclaredAsJsonIsA415OnEveryJsonEndpoint() throws Exception {
    for (var endpoint : JSON_ENDPOINTS.entrySet()) {
      for (String type : NOT_JSON) {
        problem(post(endpoint.getKey(), type, endpoint.getValue()), 415, "unsupported-media-type");
      }
      problem(post(endpoint.getKey(), null, endpoint.getValue()), 415, "unsupported-media-type");
    }
  }

  @Test
  void theGatewayOnTheMainPortAnswersTheSameMediaTypesInTheOpenAiShape() throws Exception {
    String chat =
        "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
    for (String type : NOT_JSON) {
      openAiError(post("/v1/chat/completions", type, chat), 415);
    }
  }

  @Test
  void jsonInADeclaredCharsetIsRead() throws Exception {
    var scan =
        post(
            "/security/scan",
            "application/json; charset=ISO-8859-1",
            "{\"text\": \"hi\", \"source\": \"prompt\"}");

    assertThat(scan.statusCode()).as(scan.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/qa?x=%ff",
        "/qa?simulate_retry=%ff",
        "/reason?x=%e2%82",
        "/stress?x=%zz",
        "/qa?x=%"
      })
  void aBadlyEncodedQueryValueIsA400NamingTheParameter(String pathAndQuery) throws Exception {
    String path = pathAndQuery.substring(0, pathAndQuery.indexOf('?'));
    String name = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1, pathAndQuery.indexOf('='));
    String body = JSON_ENDPOINTS.get(path);
    // by hand: an HTTP client refuses to send a broken escape such as %zz
    String answer =
        RawHttp.exchange(
            port,
            "POST "
                + pathAndQuery
                + " HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n\r\n"
                + body,
            Duration.ofSeconds(30));

    assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
    JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(problem.path("type").asString()).isEqualTo("urn:lrcp:problem:validation");
    assertThat(problem.at("/errors/0/field").asString()).isEqualTo(name);
    assertThat(problem.path("detail").asString()).contains(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=%zz", "%", "{\"question\":\"\u00ff\"}"})
  void aFormBodyThatIsNotPercentEncodedUtf8IsA400(String body) throws Exception {
    for (String path : List.of("/qa", "/reason")) {
      // a form body under a path that takes JSON: Spring reads the parameters while it looks
      // for another handler that might take the request
      String answer =
          RawHttp.exchange(
              port,
              "POST "
                  + path
                  + " HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: "
                  + body.length()
                  + "\r\n\r\n"
                  + body,
              Duration.ofSeconds(30));

      assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("application/problem+json");
      JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(problem.path("type").asString()).isEqualTo("urn:lrcp:problem:bad-request");
    }
  }

  @Test
  void aFormBodyWithBrokenChunkedFramingIsA400() throws Exception {
    String answer =
        RawHttp.exchange(
            port,
            "POST /qa HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\na=1\r\n0\r\n\r\n",
            Duration.ofSeconds(30));

    assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("<html");
  }

  @Test
  void aBadlyEncodedQueryIsA400OnReadEndpointsAndOnTheGatewayToo() throws Exception {
    problem(get("/incidents?status=%ff"), 400, "validation");
    problem(get("/insights/health-score?window=%c3%28"), 400, "validation");
    JsonNode badName = problem(get("/incidents?%ff=1"), 400, "validation");
    assertThat(badName.at("/errors/0/field").asString()).isEqualTo("%ff");

    String chat =
        "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
    JsonNode gateway =
        openAiError(post("/v1/chat/completions?x=%ff", "application/json", chat), 400);
    assertThat(gateway.at("/error/message").asString()).contains("'x'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\\u200b", "\\u0000", "\\ufeff", "\\ud800", "\\u200b\\u2060 \\u00ad", " "})
  void aTextWithNothingVisibleIsA400NamingTheField(String invisible) throws Exception {
    Map<String, String> bodies =
        Map.of(
            "/qa", "{\"question\": \"%s\"}",
            "/reason", "{\"prompt\": \"%s\"}",
            "/stress", "{\"prompt\": \"%s\"}",
            "/security/scan", "{\"text\": \"%s\", \"source\": \"prompt\"}",
            "/quality/score", "{\"question\": \"q\", \"answer\": \"%s\"}");
    Map<String, String> fields =
        Map.of(
            "/qa", "question",
            "/reason", "prompt",
            "/stress", "prompt",
            "/security/scan", "text",
            "/quality/score", "answer");
    for (var endpoint : bodies.entrySet()) {
      String body = endpoint.getValue().formatted(invisible);

      JsonNode problem =
          problem(post(endpoint.getKey(), "application/json", body), 400, "validation");

      assertThat(problem.at("/errors/0/field").asString()).isEqualTo(fields.get(endpoint.getKey()));
    }
  }

  @Test
  void aDocumentAloneWithNothingVisibleIsNoBasisForScoring() throws Exception {
    var score =
        post(
            "/quality/score", "application/json", "{\"document\": \"\\u200b\", \"answer\": \"a\"}");

    assertThat(problem(score, 400, "validation").path("detail").asString())
        .contains("question is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
        "POST /qa HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: \u0001\r\n\r\n",
        "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "GET /health HTTP/3.0\r\nHost: x\r\nConnection: close\r\n\r\n"
      })
  void requestsTomcatRefusesItselfGetAProblemNotAnHtmlPage(String request) throws Exception {
    String answer = RawHttp.exchange(port, request, Duration.ofSeconds(10));

    assertThat(answer).startsWith("HTTP/1.1 ");
    int status = Integer.parseInt(answer.substring(9, 12));
    assertThat(status).isBetween(400, 505);
    assertThat(answer.toLowerCase(java.util.Locale.ROOT))
        .contains("content-type: application/problem+json")
        .doesNotContain("<html")
        .doesNotContain("tomcat");
    JsonNode body = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("type").asString()).startsWith("urn:lrcp:problem:");
  }

  @Test
  void aClientSendingItsHeadersByteByByteIsCutOffAtTheHeadDeadline() throws Exception {
    // bytes arrive every 0.2 s, far inside the 60 s idle timeout: only the 2 s deadline ends it
    assertThat(RawHttp.closedWhileSendingHeadersSlowly(port, Duration.ofSeconds(30))).isTrue();
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aClientSendingItsBodyByteByByteIsAnsweredAtTheBodyDeadlineAndCutOff() throws Exception {
    // the head is complete; the body's bytes arrive every 0.2 s: the 2 s body deadline ends the
    // request (the gateway path answers in its own error shape), and the connection is closed
    // at once instead of the rest of the announced body being read at the client's pace
    var qa = RawHttp.answerWhileSendingBodySlowly(port, "/qa", Duration.ofSeconds(30));
    assertThat(qa.status()).isEqualTo(408);
    assertThat(qa.closed()).as("closed without the rest of the body").isTrue();
    var gateway =
        RawHttp.answerWhileSendingBodySlowly(port, "/v1/chat/completions", Duration.ofSeconds(30));
    assertThat(gateway.status()).isIn(400, 408);
    assertThat(gateway.closed()).as("closed without the rest of the body").isTrue();
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }
}
