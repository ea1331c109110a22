package dev.lrcp.admission;

import static org.junit.jupiter.api.Assertions.fail;

import dev.lrcp.ControlPlaneApplication;
import dev.lrcp.health.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two (or more) service instances (Spring contexts, each with its servlet port and its data plane)
 * on one PostgreSQL schema, sharing one settable clock. Needs {@code -Dlrcp.test.postgres.url}
 * (scripts/test.sh passes it); fails, never skips, when {@code CI=true} and it is missing.
 */
public final class Replicas implements AutoCloseable {

  static final String ADMIN_KEY = "admin-test-key";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String schema = "lrcp_replicas_" + UUID.randomUUID().toString().substring(0, 8);
  public final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:01Z"));
  public final List<Replica> replicas = new ArrayList<>();
  private final String url;

  /** One instance: its two ports. */
  public record Replica(
      String name, ConfigurableApplicationContext context, int port, int dataPlane) {
    public String main(String path) {
      return "http://127.0.0.1:" + port + path;
    }

    String gateway(String path) {
      return "http://127.0.0.1:" + dataPlane + path;
    }
  }

  public Replicas(Map<String, String> settings) throws IOException {
    this(settings, 2);
  }

  /** {@code count} instances named a, b, c, ...; the first one migrates the schema alone. */
  public Replicas(Map<String, String> settings, int count) throws IOException {
    this.url = postgresUrl();
    for (int i = 0; i < count; i++) {
      replicas.add(start(String.valueOf((char) ('a' + i)), settings));
    }
  }

  public static String postgresUrl() {
    String url = System.getProperty("lrcp.test.postgres.url");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but -Dlrcp.test.postgres.url is not set; run scripts/start-postgres.sh");
      }
      Assumptions.abort("two-replica tests need -Dlrcp.test.postgres.url (scripts/test.sh)");
    }
    return url;
  }

  Replica a() {
    return replicas.get(0);
  }

  Replica b() {
    return replicas.get(1);
  }

  JdbcTemplate jdbc() {
    return a().context().getBean(JdbcTemplate.class);
  }

  private Replica start(String name, Map<String, String> settings) throws IOException {
    int port = freePort();
    int dataPlane = freePort();
    var args = new ArrayList<String>();
    args.add("--server.port=" + port);
    args.add("--lrcp.gateway.port=" + dataPlane);
    args.add(
        "--spring.datasource.url="
            + url
            + (url.contains("?") ? "&" : "?")
            + "currentSchema="
            + schema);
    args.add("--spring.flyway.schemas=" + schema);
    args.add("--lrcp.admin-key=" + ADMIN_KEY);
    args.add("--lrcp.quality.embeddings=false");
    args.add("--lrcp.storage.directory=target/replicas-" + name);
    args.add("--lrcp.storage.flush-interval=50ms");
    args.add("--spring.application.name=replica-" + name);
    settings.forEach((k, v) -> args.add("--" + k + "=" + v));
    var context =
        new SpringApplicationBuilder(ControlPlaneApplication.class)
            .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
            .run(args.toArray(String[]::new));
    return new Replica(name, context, port, dataPlane);
  }

  static HttpResponse<String> post(String url, String key, String body, String... headers)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<String> get(String url, String key)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    replicas.forEach(r -> r.context().close());
    try (var ds = new com.zaxxer.hikari.HikariDataSource()) {
      ds.setJdbcUrl(url);
      new JdbcTemplate(ds).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
