package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory stand-in for the Datadog endpoints the importer uses (six v1 ones and the software
 * catalogue's v2 service definitions), on 127.0.0.1 and an ephemeral port. It records every
 * request, stores what is created, answers in the API's response shapes (so the real client
 * deserializes them) and can be told to fail a path.
 */
final class DatadogApiStub implements AutoCloseable {

  record Request(String method, String path, String apiKey, JsonNode body) {}

  /** One resource: where it is listed and created, its id field, and how responses are wrapped. */
  private record Resource(
      String listPath, String createPath, String itemPath, String idField, boolean numericId) {}

  private static final List<Resource> RESOURCES =
      List.of(
          new Resource("/api/v1/dashboard", "/api/v1/dashboard", "/api/v1/dashboard/", "id", false),
          new Resource("/api/v1/monitor", "/api/v1/monitor", "/api/v1/monitor/", "id", true),
          new Resource("/api/v1/slo", "/api/v1/slo", "/api/v1/slo/", "id", false),
          new Resource("/api/v1/notebooks", "/api/v1/notebooks", "/api/v1/notebooks/", "id", true),
          new Resource(
              "/api/v1/synthetics/tests",
              "/api/v1/synthetics/tests/api",
              "/api/v1/synthetics/tests/api/",
              "public_id",
              false),
          new Resource(
              "/api/v1/logs/config/pipelines",
              "/api/v1/logs/config/pipelines",
              "/api/v1/logs/config/pipelines/",
              "id",
              false));

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<Resource, Map<String, ObjectNode>> store = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private static final String SERVICES = "/api/v2/services/definitions";
  private final Map<String, JsonNode> services = Collections.synchronizedMap(new LinkedHashMap<>());

  DatadogApiStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  long count(String method) {
    return requests().stream().filter(r -> r.method().equals(method)).count();
  }

  /** Answer {@code status} to every {@code method} on {@code path}. */
  void fail(String method, String path, int status) {
    failures.put(method + " " + path, status);
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    byte[] in = ex.getRequestBody().readAllBytes();
    JsonNode body = in.length == 0 ? null : JSON.readTree(in);
    requests.add(new Request(method, path, ex.getRequestHeaders().getFirst("DD-API-KEY"), body));
    Integer failure = failures.get(method + " " + path);
    if (failure != null) {
      send(
          ex,
          failure,
          JSON.createObjectNode()
              .set("errors", JSON.createArrayNode().add("stub: forced failure")));
      return;
    }
    if (path.equals(SERVICES)) {
      send(ex, 200, services(method, body));
      return;
    }
    for (Resource r : RESOURCES) {
      if (method.equals("GET") && path.equals(r.listPath())) {
        send(ex, 200, list(r));
        return;
      }
      if (method.equals("POST") && path.equals(r.createPath())) {
        String id =
            r.numericId() ? String.valueOf(ids.incrementAndGet()) : "stub-" + ids.incrementAndGet();
        send(ex, 200, save(r, id, body));
        return;
      }
      if (method.equals("PUT")
          && path.startsWith(r.itemPath())
          && items(r).containsKey(path.substring(r.itemPath().length()))) {
        send(ex, 200, save(r, path.substring(r.itemPath().length()), body));
        return;
      }
    }
    send(
        ex,
        404,
        JSON.createObjectNode()
            .set("errors", JSON.createArrayNode().add("stub: no route " + method + " " + path)));
  }

  /** The catalogue's create is an upsert keyed by {@code dd-service}; it lists what it holds. */
  private JsonNode services(String method, JsonNode body) {
    if (method.equals("POST")) {
      services.put(body.path("dd-service").asText(), body.deepCopy());
    }
    ArrayNode data = JSON.createArrayNode();
    services.forEach(
        (name, schema) -> {
          ObjectNode item = data.addObject();
          item.put("type", "service-definition").put("id", name);
          item.putObject("attributes").putObject("meta");
          ((ObjectNode) item.get("attributes")).set("schema", schema);
        });
    return JSON.createObjectNode().set("data", data);
  }

  private Map<String, ObjectNode> items(Resource r) {
    return store.computeIfAbsent(r, k -> Collections.synchronizedMap(new LinkedHashMap<>()));
  }

  private JsonNode save(Resource r, String id, JsonNode request) {
    boolean notebook = r.listPath().endsWith("notebooks");
    ObjectNode item = (ObjectNode) (notebook ? request.get("data") : request).deepCopy();
    if (r.numericId()) item.put(r.idField(), Long.parseLong(id));
    else item.put(r.idField(), id);
    if (notebook) {
      int cell = 0;
      for (JsonNode c : item.at("/attributes/cells")) ((ObjectNode) c).put("id", "cell-" + cell++);
    }
    items(r).put(id, item);
    if (notebook) return JSON.createObjectNode().set("data", item);
    if (r.listPath().endsWith("slo"))
      return JSON.createObjectNode().set("data", JSON.createArrayNode().add(item));
    return item;
  }

  private JsonNode list(Resource r) {
    ArrayNode all = JSON.createArrayNode();
    items(r).values().forEach(all::add);
    return switch (r.listPath()) {
      case "/api/v1/dashboard" -> JSON.createObjectNode().set("dashboards", all);
      case "/api/v1/slo", "/api/v1/notebooks" -> JSON.createObjectNode().set("data", all);
      case "/api/v1/synthetics/tests" -> JSON.createObjectNode().set("tests", all);
      default -> all;
    };
  }

  private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] out = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  /**
   * Runs the stub by hand (docs/datadog-assets.md): prints its URL, stops at end of stdin;
   * arguments {@code METHOD:PATH:STATUS} make a route fail.
   */
  public static void main(String[] args) throws IOException {
    try (var stub = new DatadogApiStub()) {
      for (String failure : args) { // e.g. POST:/api/v1/slo:403
        String[] f = failure.split(":");
        stub.fail(f[0], f[1], Integer.parseInt(f[2]));
      }
      System.out.println(stub.url());
      System.out.flush();
      System.in.readAllBytes();
      System.err.println(stub.requests().size() + " requests recorded");
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
