package dev.lrcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.RawHttp;
import dev.lrcp.gateway.GatewayTestApp.ScriptedLlm;
import dev.lrcp.llm.LlmResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boot's graceful shutdown ({@code server.shutdown=graceful}) on both listeners of one context: the
 * moment the main port stops accepting, so does the data plane; calls already accepted on either
 * finish; a new request on an open data-plane connection is refused with a 503. And at start-up the
 * data plane listens before the main port, whose {@code /health} tells load balancers to send
 * traffic.
 */
class GracefulShutdownTests {

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void bothPortsStopAcceptingTogetherAndFinishWhatTheyAccepted() throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(GatewayTestApp.class)
            .properties(
                "server.port=0",
                "server.address=127.0.0.1",
                "server.shutdown=graceful",
                "spring.lifecycle.timeout-per-shutdown-phase=30s",
                "lrcp.gateway.port=0")
            .run();
    int main = ((WebServerApplicationContext) context).getWebServer().getPort();
    int data = context.getBean(DataPlaneServer.class).port();
    var release = new CountDownLatch(1);
    var entered = new CountDownLatch(2);
    context
        .getBean(ScriptedLlm.class)
        .behaviour
        .set(
            request -> {
              entered.countDown();
              await(release);
              return LlmResponse.of(
                  "done", request.model(), "openai", GatewayIntegrationTests.usage(), "stop");
            });
    try (Socket keptAlive = new Socket("127.0.0.1", data)) {
      keptAlive.setSoTimeout(10_000);
      assertThat(exchange(keptAlive)).startsWith("HTTP/1.1 200");
      CompletableFuture<HttpResponse<String>> onMain = chat(main);
      CompletableFuture<HttpResponse<String>> onData = chat(data);
      assertThat(entered.await(10, TimeUnit.SECONDS)).as("both calls in flight").isTrue();

      Thread closing = Thread.ofPlatform().start(context::close);

      GatewayIntegrationTests.awaitTrue(() -> refused(main) && refused(data));
      assertThat(exchange(keptAlive)).startsWith("HTTP/1.1 503").contains("shutting_down");
      assertThat(closing.isAlive()).as("still draining the calls in flight").isTrue();
      release.countDown();
      assertThat(onMain.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(onData.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      closing.join(Duration.ofSeconds(30));
      assertThat(closing.isAlive()).as("context closed once the calls finished").isFalse();
    } finally {
      release.countDown();
      context.close();
    }
  }

  @Test
  void theDataPlaneListensBeforeTheMainPortOpens() {
    var dataPlanePort = new AtomicInteger(-2);
    try (var context =
        new SpringApplicationBuilder(GatewayTestApp.class)
            .properties("server.port=0", "server.address=127.0.0.1", "lrcp.gateway.port=0")
            .listeners(
                (ApplicationListener<WebServerInitializedEvent>)
                    opened ->
                        dataPlanePort.set(
                            opened.getApplicationContext().getBean(DataPlaneServer.class).port()))
            .run()) {
      assertThat(dataPlanePort.get()).as("data plane port when the main port opened").isPositive();
      assertThat(refused(dataPlanePort.get())).isFalse();
    }
  }

  static CompletableFuture<HttpResponse<String>> chat(int port) {
    return HTTP.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(GatewayIntegrationTests.OFFICIAL_BODY))
            .build(),
        BodyHandlers.ofString());
  }

  /** One {@code GET /v1/models} on an open connection; the response head and body. */
  static String exchange(Socket socket) throws IOException {
    socket
        .getOutputStream()
        .write(
            "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    return RawHttp.readResponse(socket.getInputStream());
  }

  static boolean refused(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
