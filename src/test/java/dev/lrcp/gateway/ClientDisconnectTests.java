package dev.lrcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lrcp.gateway.GatewayTestApp.ScriptedLlm;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.SharedDeadlines;
import dev.lrcp.llm.TokenUsage;
import dev.lrcp.llm.openai.OpenAiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Backpressure end to end: a streaming client that hangs up makes the gateway abandon the upstream
 * HTTP exchange, which the fake upstream observes as a broken connection long before its answer is
 * complete.
 */
@SpringBootTest(
    classes = GatewayTestApp.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "lrcp.gateway.applications=checkout,search",
      "lrcp.gateway.features=summary",
      "lrcp.gateway.port=0"
    })
class ClientDisconnectTests {

  /** Far more than socket buffers hold, so the upstream cannot finish unless someone reads. */
  static final int CHUNKS = 20_000;

  static final String CHUNK =
      "data: {\"choices\":[{\"delta\":{\"content\":\"" + "x".repeat(1000) + "\"}}]}\n\n";

  @LocalServerPort int port;
  @Autowired ScriptedLlm llm;

  final CountDownLatch clientGone = new CountDownLatch(1);
  final AtomicBoolean upstreamSawDisconnect = new AtomicBoolean();
  final AtomicBoolean upstreamFinished = new AtomicBoolean();
  final AtomicReference<RuntimeException> thrownByPort = new AtomicReference<>();
  HttpServer upstream;

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/v1/chat/completions", this::slowStream);
    upstream.start();
  }

  URI upstreamBase() {
    return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
  }

  /** Routes the gateway's port to a client, recording what it throws. */
  void routeTo(LlmClient client) {
    llm.behaviour.set(
        request -> {
          try {
            return client.generate(request);
          } catch (RuntimeException e) {
            thrownByPort.set(e);
            throw e;
          }
        });
  }

  @AfterEach
  void stopUpstream() {
    clientGone.countDown();
    upstream.stop(0);
  }

  @Test
  void aClientThatHangsUpCancelsTheUpstreamCall() throws Exception {
    routeTo(new StreamingClient(upstreamBase().resolve("/v1/chat/completions")));

    hangUpAfterFirstDelta();

    GatewayIntegrationTests.awaitTrue(upstreamSawDisconnect::get);
    assertThat(upstreamFinished).isFalse();
    GatewayIntegrationTests.awaitTrue(() -> thrownByPort.get() != null);
    assertThat(thrownByPort.get()).isInstanceOf(CancellationException.class);
  }

  @Test
  void theOpenAiAdapterAbortsTheUpstreamWhenTheClientHangsUp() throws Exception {
    routeTo(
        new OpenAiClient(upstreamBase(), null, Duration.ofSeconds(30), SharedDeadlines.INSTANCE));

    hangUpAfterFirstDelta();

    GatewayIntegrationTests.awaitTrue(upstreamSawDisconnect::get);
    assertThat(upstreamFinished).isFalse();
    GatewayIntegrationTests.awaitTrue(() -> thrownByPort.get() != null);
    assertThat(thrownByPort.get())
        .as("a disconnect is not an upstream error")
        .isInstanceOf(CancellationException.class);
  }

  /** The servlet port here; {@link DataPlaneDisconnectTests} hangs up on the data plane. */
  int gatewayPort() {
    return port;
  }

  private void hangUpAfterFirstDelta() throws IOException {
    try (var socket = new Socket("127.0.0.1", gatewayPort())) {
      byte[] body = GatewayIntegrationTests.streamBody(true).getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.startsWith("data: "));
      assertThat(line).as("the first delta reached the client").isNotNull();
      socket.setSoLinger(true, 0); // hang up hard, like a killed client
    }
    clientGone.countDown();
  }

  /** One chunk, then (once the client is gone) as many as it can write until the pipe breaks. */
  private void slowStream(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    byte[] chunk = CHUNK.getBytes(StandardCharsets.UTF_8);
    try {
      out.write(chunk);
      out.flush();
      if (!clientGone.await(30, TimeUnit.SECONDS)) {
        return;
      }
      for (int i = 0; i < CHUNKS; i++) {
        out.write(chunk);
        out.flush();
      }
      upstreamFinished.set(true);
      out.close();
    } catch (IOException e) {
      upstreamSawDisconnect.set(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A minimal streaming OpenAI-compatible adapter with the port's cancellation contract: deltas go
   * to the listener as lines arrive, and whatever the listener throws closes the response body,
   * which aborts the HTTP exchange.
   */
  record StreamingClient(URI endpoint) implements LlmClient {
    static final HttpClient HTTP =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public LlmResponse generate(LlmRequest request) {
      var call =
          HttpRequest.newBuilder(endpoint)
              .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}"))
              .build();
      var text = new StringBuilder();
      try (Stream<String> lines = HTTP.send(call, BodyHandlers.ofLines()).body()) {
        lines
            .filter(l -> l.startsWith("data: "))
            .map(l -> l.substring(6, 26))
            .forEach(
                delta -> {
                  text.append(delta);
                  request.stream().onText(delta);
                });
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return LlmResponse.of(text.toString(), request.model(), "openai", TokenUsage.ZERO, "stop");
    }
  }
}
