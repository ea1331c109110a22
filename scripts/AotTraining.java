import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Builds the JDK's ahead-of-time cache of the packaged service (docs/adr/0015): extracts the jar,
 * starts it with {@code -XX:AOTCacheOutput} against a fake OpenAI-compatible upstream on loopback,
 * sends it a bounded mix of the requests it serves (gateway calls whole and streamed on both ports,
 * /qa, /reason, reads, refusals), stops it, and lets the JVM write the cache: the classes it loaded
 * and linked and the method profiles of that traffic. No network, no Datadog agent, a temporary
 * database; every wait is bounded, and a failure leaves no cache (the service then starts without
 * one) rather than failing the build.
 *
 * <pre>java scripts/AotTraining.java target/llm-reliability-control-plane.jar target/aot</pre>
 *
 * Run it from the repository root: the cache records the class path as given, and scripts/run.sh
 * starts the service from there with the same relative path.
 */
public final class AotTraining {

  static final String JAR_NAME = "llm-reliability-control-plane.jar";
  static final Duration READY = Duration.ofMinutes(4);
  static final Duration TRAFFIC = Duration.ofSeconds(25);
  static final int MAX_CALLS = 6_000;
  static final Duration ASSEMBLY = Duration.ofMinutes(5);
  static final Path JVM_OPTIONS = Path.of("scripts", "jvm.options");

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java scripts/AotTraining.java <packaged jar> <output directory>");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path out = Path.of(args[1]);
    long started = System.nanoTime();
    extract(jar, out);
    if (Runtime.version().feature() < 25) {
      System.out.println("AOT cache skipped: JDK " + Runtime.version().feature()
          + " has no -XX:AOTCacheOutput (JDK 25 or newer); the service starts without it");
      return;
    }
    System.out.println("Training the JDK's AOT cache in a bounded loopback run (a few minutes)");
    try {
      train(out);
      System.out.printf("AOT cache written to %s in %d s%n",
          out.resolve("app.aot"), (System.nanoTime() - started) / 1_000_000_000L);
    } catch (Exception e) {
      deleteQuietly(out.resolve("app.aot"));
      System.out.println("AOT cache not built (" + e.getMessage() + "); the service starts without"
          + " it. Training log: " + out.resolve("training.log"));
    }
  }

  /** The jar as a plain class path (the JDK caches classes from jar files, not nested jars). */
  static void extract(Path jar, Path out) throws Exception {
    delete(out);
    Files.createDirectories(out);
    run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
        out.resolve("app").toString()), out.resolve("extract.log"), Duration.ofMinutes(2));
  }

  static void train(Path out) throws Exception {
    Path app = out.resolve("app");
    Path data = Files.createTempDirectory("lrcp-aot-training");
    try (var upstream = FakeUpstream.start(); var statsd = new DatagramSocket(0,
        InetAddress.getLoopbackAddress())) {
      int port = freePort();
      int gatewayPort = freePort();
      // the same module options, memory settings and Spring AOT mode as scripts/env.sh's
      // service_command: the JVM refuses a cache recorded with other module options, and the
      // profiles and code it keeps are those of the collector and heap it ran with
      var command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED"));
      command.addAll(jvmOptions());
      command.addAll(List.of("-Dspring.aot.enabled=true",
          "-XX:AOTCacheOutput=" + out.resolve("app.aot"), "-jar", app.resolve(JAR_NAME).toString(),
          "--server.port=" + port, "--server.address=127.0.0.1",
          "--lrcp.gateway.port=" + gatewayPort, "--lrcp.gateway.address=127.0.0.1",
          "--lrcp.storage.directory=" + data));
      var builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(out.resolve("training.log").toFile());
      // the developer's own settings (API keys, a real Datadog agent, JVM options) stay out
      builder.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("LRCP_")
          || k.endsWith("JAVA_OPTIONS"));
      builder.environment().put("MALLOC_ARENA_MAX", "2");
      builder.environment().put("LRCP_PROVIDER", "openai");
      builder.environment().put("LRCP_OPENAI_BASE_URL", upstream.baseUrl());
      builder.environment().put("DD_AGENT_HOST", "127.0.0.1");
      builder.environment().put("DD_DOGSTATSD_PORT", String.valueOf(statsd.getLocalPort()));
      Process service = builder.start();
      try {
        var traffic = new Traffic(port, gatewayPort);
        traffic.awaitReady(service);
        int calls = traffic.run();
        System.out.println("AOT training: " + calls + " requests served; writing the cache");
      } finally {
        service.destroy(); // SIGTERM: the JVM writes the cache on its way out
        if (!service.waitFor(ASSEMBLY.toSeconds(), TimeUnit.SECONDS)) {
          service.destroyForcibly();
          throw new IllegalStateException("the service did not stop within " + ASSEMBLY);
        }
      }
      if (!Files.isRegularFile(out.resolve("app.aot"))) {
        throw new IllegalStateException("the JVM wrote no cache");
      }
      Files.writeString(out.resolve("jdk"), System.getProperty("java.runtime.version") + "\n");
    } finally {
      delete(data);
    }
  }

  /** Requests like the ones the service serves, a few at a time, until the time or count bound. */
  static final class Traffic {
    private static final String QA = """
        {"question":"What is artificial intelligence?","document":"Artificial intelligence (AI) is \
        intelligence demonstrated by machines, in contrast to the natural intelligence displayed by \
        humans and animals."}""";
    private static final String CHAT = """
        {"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},\
        {"role":"user","content":"Hello! How are you today?"}]}""";
    private static final String STREAM = """
        {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},\
        "messages":[{"role":"user","content":"Tell me a short story."}]}""";

    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final String main;
    private final String gateway;

    Traffic(int port, int gatewayPort) {
      this.main = "http://127.0.0.1:" + port;
      this.gateway = "http://127.0.0.1:" + gatewayPort;
    }

    void awaitReady(Process service) throws Exception {
      long deadline = System.nanoTime() + READY.toNanos();
      while (System.nanoTime() < deadline) {
        if (!service.isAlive()) {
          throw new IllegalStateException("the service exited while starting");
        }
        try {
          if (send(get(gateway + "/v1/models")) == 200 && send(get(main + "/health")) == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        service.waitFor(200, TimeUnit.MILLISECONDS);
      }
      throw new IllegalStateException("the service was not ready within " + READY);
    }

    /**
     * One request per slot of the mix, spread over four client threads; any unexpected status
     * fails the training: a cache recorded on error paths would not serve the real ones.
     */
    int run() throws Exception {
      List<Probe> mix = mix();
      var sent = new AtomicInteger();
      var wrong = new ConcurrentLinkedQueue<String>();
      long deadline = System.nanoTime() + TRAFFIC.toNanos();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      try {
        var done = new ArrayList<Future<?>>();
        for (int t = 0; t < 4; t++) {
          done.add(clients.submit(() -> {
            for (int i; (i = sent.getAndIncrement()) < MAX_CALLS && System.nanoTime() < deadline; ) {
              Probe probe = mix.get(i % mix.size());
              int status = send(probe.request());
              if (status != probe.expected()) {
                wrong.add(probe.request().method() + " " + probe.request().uri() + " → " + status);
              }
            }
            return null;
          }));
        }
        for (var f : done) {
          f.get(TRAFFIC.toSeconds() + 60, TimeUnit.SECONDS);
        }
      } finally {
        clients.shutdownNow();
      }
      if (!wrong.isEmpty()) {
        throw new IllegalStateException(wrong.size() + " training requests got an unexpected"
            + " status, e.g. " + wrong.peek());
      }
      return Math.min(sent.get(), MAX_CALLS);
    }

    private List<Probe> mix() {
      var mix = new ArrayList<Probe>();
      for (int i = 0; i < 6; i++) {
        mix.add(new Probe(post(gateway + "/v1/chat/completions", CHAT), 200));
      }
      mix.add(new Probe(post(gateway + "/v1/chat/completions", STREAM), 200));
      mix.add(new Probe(post(gateway + "/v1/chat/completions",
          STREAM.replace("gpt-4o-mini", "auto")), 200));
      mix.add(new Probe(post(main + "/v1/chat/completions", CHAT), 200));
      mix.add(new Probe(post(main + "/v1/chat/completions", STREAM), 200));
      mix.add(new Probe(post(main + "/qa", QA), 200));
      mix.add(new Probe(post(main + "/qa", "{\"question\":\"Why is the sky blue?\"}"), 200));
      mix.add(new Probe(post(main + "/reason", "{\"prompt\":\"Plan a migration\"}"), 200));
      mix.add(new Probe(post(gateway + "/v1/chat/completions", "{\"model\":\"gpt-4o-mini\"}"), 400));
      mix.add(new Probe(post(main + "/qa", "{\"question\":"), 400));
      for (String path : List.of("/health", "/actuator/health/readiness", "/insights/health-score",
          "/incidents")) {
        mix.add(new Probe(get(main + path), 200));
      }
      mix.add(new Probe(get(gateway + "/v1/models"), 200));
      return mix;
    }

    record Probe(HttpRequest request, int expected) {}

    private int send(HttpRequest request) throws IOException, InterruptedException {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest get(String url) {
      return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(String url, String json) {
      return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
  }

  /** An OpenAI-compatible chat endpoint on loopback: a short answer, whole or as SSE. */
  static final class FakeUpstream implements AutoCloseable {
    private static final String USAGE =
        "{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}";
    private final HttpServer server;

    private FakeUpstream(HttpServer server) {
      this.server = server;
    }

    static FakeUpstream start() throws IOException {
      var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.createContext("/v1/chat/completions", FakeUpstream::answer);
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.start();
      return new FakeUpstream(server);
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static void answer(HttpExchange exchange) throws IOException {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean stream = body.contains("\"stream\":true");
        String reply = stream ? sse() : "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hello from the training upstream.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":" + USAGE + "}";
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
            stream ? "text/event-stream" : "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    }

    private static String sse() {
      var out = new StringBuilder();
      for (String word : new String[] {"Once", " upon", " a", " time."}) {
        out.append(chunk("{\"content\":\"" + word + "\"}", "null", "null"));
      }
      return out.append(chunk("{}", "\"stop\"", "null")).append(chunk(null, null, USAGE))
          .append("data: [DONE]\n\n").toString();
    }

    private static String chunk(String delta, String finish, String usage) {
      return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
          + "\"model\":\"gpt-4o-mini\",\"choices\":" + (delta == null ? "[]"
              : "[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]")
          + ",\"usage\":" + usage + "}\n\n";
    }

    @Override
    public void close() {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  /** The service's JVM options (scripts/jvm.options, docs/adr/0021-memory.md). */
  static List<String> jvmOptions() throws IOException {
    return Files.readAllLines(JVM_OPTIONS).stream().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static void run(List<String> command, Path log, Duration limit) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command.get(1) + " took longer than " + limit);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("jar extraction failed, see " + log);
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(AotTraining::deleteQuietly);
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
