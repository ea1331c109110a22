package dev.lrcp.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service in a child JVM, optionally with the dd-java-agent, stdout to a file. */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final int port;
  private final int gatewayPort;
  private final Path stdout;

  private ServiceProcess(Process process, int port, int gatewayPort, Path stdout) {
    this.process = process;
    this.port = port;
    this.gatewayPort = gatewayPort;
    this.stdout = stdout;
  }

  static ServiceProcess start(boolean withAgent, Map<String, String> env, Path workDir)
      throws IOException {
    return start(
        withAgent ? List.of("-javaagent:" + required("lrcp.agent.jar")) : List.of(), env, workDir);
  }

  static ServiceProcess start(List<String> javaOptions, Map<String, String> env, Path workDir)
      throws IOException {
    String jar = required("lrcp.jar");
    int port = freePort();
    int gatewayPort = freePort();
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(
        List.of(
            "-Xmx512m",
            "-jar",
            jar,
            "--server.port=" + port,
            "--lrcp.gateway.port=" + gatewayPort,
            "--lrcp.storage.directory=" + workDir.resolve("data")));
    Path stdout = workDir.resolve("service.out");
    var builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(stdout.toFile());
    // never let the developer's Datadog settings leak into the child
    builder.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("LRCP_"));
    builder.environment().putAll(env);
    return new ServiceProcess(builder.start(), port, gatewayPort, stdout);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.exists(Path.of(value))) {
      throw new IllegalStateException(
          property + " must point to a built file (run through mvn verify): " + value);
    }
    return value;
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  void awaitReady(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("service exited:\n" + output());
      }
      try {
        if (get("/actuator/health").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      process.waitFor(250, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("service not ready in " + timeout + ":\n" + output());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return post(uri(path), json);
  }

  /** A call to the gateway's data plane (its own port). */
  HttpResponse<String> postGateway(String path, String json)
      throws IOException, InterruptedException {
    return post(URI.create("http://127.0.0.1:" + gatewayPort + path), json);
  }

  private static HttpResponse<String> post(URI uri, String json)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String output() {
    try {
      return Files.exists(stdout) ? Files.readString(stdout) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> lines() {
    return output().lines().toList();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
