package dev.lrcp.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.msgpack.core.MessagePack;
import org.msgpack.value.Value;

/**
 * A Datadog Agent on loopback, enough for the real dd-java-agent: answers {@code /info} (listing
 * the EVP proxy so LLM Observability goes through it), decodes APM traces ({@code /v0.3|v0.4}) and
 * LLM Observability payloads (gzip + msgpack), and accepts everything else (remote config,
 * telemetry, debugger) with an empty 2xx. Must be listening before the traced JVM starts.
 */
final class FakeDatadogAgent implements AutoCloseable {

  private static final String INFO =
      """
      {"version":"7.60.0","endpoints":["/v0.4/traces","/v0.6/stats","/v0.7/config",
       "/telemetry/proxy/","/evp_proxy/v2/","/evp_proxy/v4/","/debugger/v1/input",
       "/debugger/v1/diagnostics"],"client_drop_p0s":true,"span_meta_structs":true,
       "long_running_spans":true,"config":{"statsd_port":8125}}""";

  private final HttpServer server;
  private final List<Map<String, Object>> spans = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> llmObsSpans = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private FakeDatadogAgent(HttpServer server) {
    this.server = server;
  }

  static FakeDatadogAgent start() throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var agent = new FakeDatadogAgent(server);
    server.createContext("/", agent::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    return agent;
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Map<String, Object>> spans() {
    return List.copyOf(spans);
  }

  List<Map<String, Object>> llmObsSpans() {
    return List.copyOf(llmObsSpans);
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path);
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.equals("/info")) {
        reply(exchange, 200, INFO);
      } else if (path.matches("/v0\\.[34]/traces")) {
        collectTraces(body);
        reply(exchange, 200, "{\"rate_by_service\":{\"service:,env:\":1}}");
      } else if (path.matches("/evp_proxy/v[24]/api/v2/llmobs")) {
        boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        collectLlmObs(gzip ? gunzip(body) : body);
        reply(exchange, 202, "{}");
      } else if (path.equals("/v0.7/config")) {
        reply(exchange, 200, "{}");
      } else {
        reply(exchange, 202, "{}");
      }
    } catch (RuntimeException e) {
      requests.add("DECODE-FAILED " + path + " " + e);
    }
  }

  @SuppressWarnings("unchecked")
  private void collectTraces(byte[] body) {
    for (Object trace : (List<Object>) decode(body)) {
      for (Object span : (List<Object>) trace) {
        spans.add((Map<String, Object>) span);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void collectLlmObs(byte[] body) {
    Object payload = decode(body);
    List<Object> events = payload instanceof List<?> list ? (List<Object>) list : List.of(payload);
    for (Object event : events) {
      Object eventSpans = ((Map<String, Object>) event).get("spans");
      if (eventSpans instanceof List<?> list) {
        list.forEach(s -> llmObsSpans.add((Map<String, Object>) s));
      }
    }
  }

  private static Object decode(byte[] body) {
    try (var unpacker = MessagePack.newDefaultUnpacker(body)) {
      return toJava(unpacker.unpackValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object toJava(Value value) {
    return switch (value.getValueType()) {
      case NIL -> null;
      case BOOLEAN -> value.asBooleanValue().getBoolean();
      case INTEGER ->
          value.asIntegerValue().isInLongRange()
              ? (Object) value.asIntegerValue().toLong()
              : value.asIntegerValue().toBigInteger();
      case FLOAT -> value.asFloatValue().toDouble();
      case STRING -> value.asStringValue().asString();
      case BINARY -> new String(value.asBinaryValue().asByteArray(), StandardCharsets.UTF_8);
      case ARRAY -> {
        var list = new ArrayList<>();
        value.asArrayValue().forEach(v -> list.add(toJava(v)));
        yield list;
      }
      case MAP -> {
        var map = new LinkedHashMap<String, Object>();
        value.asMapValue().map().forEach((k, v) -> map.put(String.valueOf(toJava(k)), toJava(v)));
        yield map;
      }
      case EXTENSION -> null;
    };
  }

  /** An unsigned 64-bit id as msgpack delivered it (long, possibly negative, or BigInteger). */
  static BigInteger unsigned(Object id) {
    if (id instanceof BigInteger big) {
      return big;
    }
    long v = ((Number) id).longValue();
    return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
  }

  private static byte[] gunzip(byte[] body) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
