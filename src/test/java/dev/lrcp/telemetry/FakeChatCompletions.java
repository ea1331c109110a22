package dev.lrcp.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible upstream on loopback: streams a short answer with usage, or answers 500 when
 * the prompt contains {@value #FAIL}.
 */
final class FakeChatCompletions implements AutoCloseable {

  static final String FAIL = "FAIL_UPSTREAM";
  static final int PROMPT_TOKENS = 21;
  static final int COMPLETION_TOKENS = 4;

  private final HttpServer server;

  private FakeChatCompletions(HttpServer server) {
    this.server = server;
  }

  static FakeChatCompletions start() throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", FakeChatCompletions::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    return new FakeChatCompletions(server);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (body.contains(FAIL)) {
        send(
            exchange,
            500,
            "application/json",
            "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
      } else if (body.contains("\"stream\":true")) {
        send(exchange, 200, "text/event-stream", sse());
      } else {
        send(exchange, 200, "application/json", json());
      }
    }
  }

  private static String chunk(String delta, String finish, String usage) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":"
        + (delta == null
            ? "[]"
            : "[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]")
        + ",\"usage\":"
        + usage
        + "}\n\n";
  }

  private static String sse() {
    String usage =
        "{\"prompt_tokens\":"
            + PROMPT_TOKENS
            + ",\"completion_tokens\":"
            + COMPLETION_TOKENS
            + ",\"total_tokens\":"
            + (PROMPT_TOKENS + COMPLETION_TOKENS)
            + "}";
    return chunk("{\"role\":\"assistant\",\"content\":\"Paris is\"}", "null", "null")
        + chunk("{\"content\":\" the capital.\"}", "null", "null")
        + chunk("{}", "\"stop\"", "null")
        + chunk(null, null, usage)
        + "data: [DONE]\n\n";
  }

  private static String json() {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Paris is the capital.\"},"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
        + PROMPT_TOKENS
        + ",\"completion_tokens\":"
        + COMPLETION_TOKENS
        + ",\"total_tokens\":"
        + (PROMPT_TOKENS + COMPLETION_TOKENS)
        + "}}";
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
