package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The packaged service jar ({@code -Dlrcp.jar}, set by failsafe) started as a child JVM on a free
 * loopback port with its own temporary storage directory; its output goes to {@code
 * target/it-logs/<name>.log} so a failing test can be diagnosed.
 */
final class RunningService implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(120);

  private final Process process;
  private final Path storage;
  private final int port;
  private final Path log;

  private RunningService(Process process, Path storage, int port, Path log) {
    this.process = process;
    this.storage = storage;
    this.port = port;
    this.log = log;
  }

  static RunningService start(String name, Map<String, String> env) throws Exception {
    return start(name, env, "/theater/");
  }

  /** Started once {@code readyPath} answers 200 ({@code /theater/} needs the UI in the jar). */
  static RunningService start(String name, Map<String, String> env, String readyPath)
      throws Exception {
    String jar = System.getProperty("lrcp.jar");
    assertThat(jar).as("system property lrcp.jar (set by failsafe)").isNotBlank();
    assertThat(Path.of(jar)).as("packaged jar").exists();
    Path storage = Files.createTempDirectory("lrcp-" + name);
    Path log = Path.of("target", "it-logs", name + ".log");
    Files.createDirectories(log.getParent());
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of("-Xmx512m", "-jar", jar, "--server.port=" + port, "--server.address=127.0.0.1"));
    cmd.add("--lrcp.storage.directory=" + storage);
    cmd.add("--lrcp.gateway.port=0"); // the data plane on a free port, never a developer's 8081
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    RunningService service = new RunningService(pb.start(), storage, port, log);
    try {
      service.awaitReady(readyPath);
    } catch (Exception | AssertionError e) {
      service.close(); // a service that never got ready is not left running
      throw e;
    }
    return service;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Polls {@code path} until it answers 200; fails fast if the JVM exits. */
  private void awaitReady(String path) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(STARTUP);
    HttpRequest probe = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build();
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("service JVM alive (see %s)", log).isTrue();
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // the port is not bound yet
      }
      pauseUnlessExited();
    }
    throw new AssertionError("service not ready within " + STARTUP + "; log: " + log);
  }

  /** Waits a poll interval, returning early if the JVM exits (the next check then fails). */
  private void pauseUnlessExited() throws Exception {
    try {
      process.onExit().get(250, TimeUnit.MILLISECONDS);
    } catch (TimeoutException stillRunning) {
      // expected while the service starts
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Ends the JVM at once, as {@code kill -9} does: no shutdown hook, no lease released. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(storage)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
