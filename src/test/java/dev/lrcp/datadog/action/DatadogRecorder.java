package dev.lrcp.datadog.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Datadog's API hosts on 127.0.0.1: records every request the real client sends (method, path,
 * query, key headers, JSON body) and answers what a test set for that method and path, else 404.
 */
public final class DatadogRecorder implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();

  public record Request(
      String method, String path, String query, String apiKey, String appKey, JsonNode body) {}

  /** {@code echo}: answer the request's own body with {@code body}'s fields added. */
  record Answer(int status, String body, Map<String, String> headers, boolean echo) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  public DatadogRecorder() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public DatadogRecorder answer(String method, String path, int status, String body) {
    return answer(method, path, status, body, Map.of());
  }

  public DatadogRecorder answer(
      String method, String path, int status, String body, Map<String, String> headers) {
    answers.put(method + " " + path, new Answer(status, body, headers, false));
    return this;
  }

  /** Answers as the API does for a create or update: the object sent, plus its id fields. */
  public DatadogRecorder echo(String method, String path, String idFields) {
    answers.put(method + " " + path, new Answer(200, idFields, Map.of(), true));
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public Request last(String method) {
    return requests.stream()
        .filter(r -> r.method().equals(method))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + method + " request in " + requests));
  }

  public void reset() {
    requests.clear();
    answers.clear();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] in = ex.getRequestBody().readAllBytes();
    String path = ex.getRequestURI().getPath();
    requests.add(
        new Request(
            ex.getRequestMethod(),
            path,
            ex.getRequestURI().getQuery(),
            ex.getRequestHeaders().getFirst("DD-API-KEY"),
            ex.getRequestHeaders().getFirst("DD-APPLICATION-KEY"),
            in.length == 0 ? null : JSON.readTree(in)));
    Answer answer =
        answers.getOrDefault(
            ex.getRequestMethod() + " " + path,
            new Answer(404, "{\"errors\":[\"stub: no route " + path + "\"]}", Map.of(), false));
    String text = answer.body();
    if (answer.echo()) {
      var echoed = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in);
      echoed.setAll((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(text));
      text = echoed.toString();
    }
    byte[] out = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    answer.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      ex.getResponseBody().write(out);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
