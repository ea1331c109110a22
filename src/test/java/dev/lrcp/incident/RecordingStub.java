package dev.lrcp.incident;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server on 127.0.0.1 (random port) that answers queued responses in order and records
 * every request. (JDK server: OkHttp's MockWebServer 5 clashes with the OkHttp 4 that the Gemini
 * SDK puts on the classpath.)
 */
final class RecordingStub implements AutoCloseable {

  record Request(String method, String target, Headers headers, String body) {}

  record Response(int status, String body) {}

  private final HttpServer server;
  private final Queue<Response> responses = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  RecordingStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              new Request(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders(),
                  body));
          Response r = responses.poll();
          if (r == null) {
            r = new Response(503, "{\"errors\":[\"no response queued\"]}");
          }
          byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(r.status(), bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void enqueue(int status, String body) {
    responses.add(new Response(status, body));
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
