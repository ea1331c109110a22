package dev.lrcp.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A local fake provider on 127.0.0.1 and a random port, answering queued replies in order and
 * recording what it received. Built on the JDK server because mockwebserver3 (OkHttp 5) cannot
 * share a class path with the OkHttp 4 that the Google Gen AI SDK needs.
 */
public final class FakeUpstream implements AutoCloseable {

  /**
   * @param stall send the first bytes of the body, then hang until the fake is closed
   * @param headers extra response headers
   */
  public record Reply(
      int status, String contentType, String body, boolean stall, Map<String, String> headers) {
    public Reply(int status, String contentType, String body, boolean stall) {
      this(status, contentType, body, stall, Map.of());
    }

    public Reply withHeader(String name, String value) {
      var more = new java.util.HashMap<>(headers);
      more.put(name, value);
      return new Reply(status, contentType, body, stall, more);
    }

    public static Reply json(int status, String body) {
      return new Reply(status, "application/json", body, false);
    }

    public static Reply sse(String body) {
      return new Reply(200, "text/event-stream", body, false);
    }

    public static Reply stalling(String body) {
      return new Reply(200, "application/json", body, true);
    }
  }

  public record Recorded(
      String method, String target, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final List<Recorded> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  public FakeUpstream() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public static String fixture(String path) {
    try (InputStream in = FakeUpstream.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalArgumentException("missing fixture " + path, e);
    }
  }

  public FakeUpstream reply(Reply reply) {
    replies.add(reply);
    return this;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Recorded> received() {
    return received;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    Reply reply = replies.poll();
    if (reply == null) {
      reply = Reply.json(500, "{\"error\":{\"message\":\"no reply queued in the fake\"}}");
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    boolean chunked = reply.stall() || reply.contentType().equals("text/event-stream");
    exchange.sendResponseHeaders(reply.status(), chunked ? 0 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (reply.stall()) {
        out.write(bytes, 0, Math.min(10, bytes.length));
        out.flush();
        closed.await();
        return;
      }
      out.write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientWentAway) {
      // the client under test gave up, which is what stall tests expect
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
