package dev.lrcp.routing;

import dev.lrcp.security.DevData;
import dev.lrcp.testing.Local;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a mixed workload through the packaged service twice, once with every endpoint on {@code
 * static} gemini-2.5-pro and once with a {@code cascade} gemini-2.5-flash > gemini-2.5-pro, and
 * prints cost, mean grounding, escalation rate and savings side by side ({@code
 * scripts/evaluate-routing.sh}). The workload: each distinct (document, question) pair of
 * grounding-dev.jsonl on {@code /qa}, and the GPTeacher instructions of prompt-injection-dev.jsonl
 * on {@code /reason}. On the simulated provider the figures show the mechanism, not a real model's
 * quality.
 */
public final class RoutingEvaluation {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PRO = "gemini-2.5-pro";
  static final String CASCADE = "gemini-2.5-flash," + PRO;
  static final double TARGET_SAVINGS = 0.40;
  static final double TARGET_GROUNDING_DROP = 0.02;

  record Item(String endpoint, String body) {}

  /** One answered call as its metadata reports it; {@code escalation} is null when it held. */
  record Answer(
      String endpoint, double costUsd, Double grounding, String escalation, double savingsUsd) {

    boolean escalated() {
      return escalation != null;
    }
  }

  private RoutingEvaluation() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "target/llm-reliability-control-plane.jar");
    List<Item> items = workload();
    Path work = Files.createTempDirectory("evaluate-routing");
    Map<String, List<Answer>> results = new LinkedHashMap<>();
    Map<String, JsonNode> examples = new java.util.TreeMap<>();
    for (String mode : List.of("static", "cascade")) {
      try (var service = Service.start(jar, work.resolve(mode), settings(mode))) {
        var answers = new ArrayList<Answer>();
        for (Item item : items) {
          JsonNode metadata = service.post(item);
          answers.add(answer(item.endpoint(), metadata));
          JsonNode decision = metadata.path("routing_decision");
          if (mode.equals("cascade")) {
            examples.putIfAbsent(
                decision.path("escalated").asBoolean()
                    ? decision.path("escalation_reason").asString()
                    : "held",
                decision);
          }
        }
        results.put(mode, answers);
      }
    }
    System.out.print(report(items, results.get("static"), results.get("cascade")));
    System.out.println();
    examples.forEach((kind, decision) -> System.out.println(kind + ": " + decision));
  }

  /** The routing settings of each run, as command-line arguments to the jar. */
  static List<String> settings(String mode) {
    var args = new ArrayList<String>();
    for (String type : List.of("qa", "reason")) {
      String prefix = "--lrcp.routing.policies." + type;
      args.add(prefix + ".policy=" + mode);
      args.add(prefix + ".models=" + (mode.equals("static") ? PRO : CASCADE));
    }
    return args;
  }

  static List<Item> workload() {
    var items = new ArrayList<Item>();
    var seen = new java.util.HashSet<String>();
    for (JsonNode row : DevData.rows("grounding-dev.jsonl")) {
      String question = truncate(row.path("question").asString(), 1000);
      String document = truncate(row.path("document").asString(), 10_000);
      if (seen.add(document + "\n" + question)) {
        var body = JSON.createObjectNode().put("question", question).put("document", document);
        items.add(new Item("/qa", body.toString()));
      }
    }
    for (JsonNode row : DevData.rows("prompt-injection-dev.jsonl")) {
      if (row.path("category").asString().equals("benign")
          && row.path("source").asString().contains("GPTeacher")) {
        var body =
            JSON.createObjectNode().put("prompt", truncate(row.path("text").asString(), 5000));
        items.add(new Item("/reason", body.toString()));
      }
    }
    return items;
  }

  static Answer answer(String endpoint, JsonNode m) {
    JsonNode grounding = m.path("llm.grounding_score");
    JsonNode decision = m.path("routing_decision");
    return new Answer(
        endpoint,
        m.path("cost_usd").asDouble(),
        grounding.isNumber() ? grounding.asDouble() : null,
        decision.path("escalated").asBoolean()
            ? decision.path("escalation_reason").asString()
            : null,
        decision.path("savings_usd").asDouble());
  }

  static String report(List<Item> items, List<Answer> fixed, List<Answer> cascade) {
    long qa = items.stream().filter(i -> i.endpoint().equals("/qa")).count();
    var out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "workload: %d calls (%d /qa from grounding-dev.jsonl, %d /reason from"
                + " prompt-injection-dev.jsonl GPTeacher instructions); simulated provider, seed 42%n%n",
            items.size(),
            qa,
            items.size() - qa));
    out.append(
        String.format(
            Locale.ROOT,
            "%-30s %18s %30s%n",
            "",
            "static " + PRO,
            "cascade " + CASCADE.replace(",", " > ")));
    row(out, "cost USD", usd(cost(fixed, null)), usd(cost(cascade, null)));
    row(out, "  /qa", usd(cost(fixed, "/qa")), usd(cost(cascade, "/qa")));
    row(out, "  /reason", usd(cost(fixed, "/reason")), usd(cost(cascade, "/reason")));
    row(out, "mean grounding (/qa)", num(grounding(fixed)), num(grounding(cascade)));
    row(out, "escalation rate", pct(escalations(fixed, null)), pct(escalations(cascade, null)));
    row(out, "  /qa", pct(escalations(fixed, "/qa")), pct(escalations(cascade, "/qa")));
    row(out, "  /reason", pct(escalations(fixed, "/reason")), pct(escalations(cascade, "/reason")));
    row(out, "  by reason", reasons(fixed), reasons(cascade));
    row(out, "savings_usd (sum)", usd(savings(fixed)), usd(savings(cascade)));
    double saved = 1 - cost(cascade, null) / cost(fixed, null);
    double drop = grounding(fixed) - grounding(cascade);
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "cascade saves %.1f %% of the static cost (target >= %.0f %%: %s)%n",
            100 * saved,
            100 * TARGET_SAVINGS,
            saved >= TARGET_SAVINGS ? "met" : "MISSED"));
    out.append(
        String.format(
            Locale.ROOT,
            "mean grounding drops by %.4f (target <= %.2f: %s)%n",
            drop,
            TARGET_GROUNDING_DROP,
            drop <= TARGET_GROUNDING_DROP ? "met" : "MISSED"));
    return out.toString();
  }

  private static void row(StringBuilder out, String label, String a, String b) {
    out.append(String.format(Locale.ROOT, "%-30s %18s %30s%n", label, a, b));
  }

  static double cost(List<Answer> answers, String endpoint) {
    return of(answers, endpoint).stream().mapToDouble(Answer::costUsd).sum();
  }

  static double grounding(List<Answer> answers) {
    return answers.stream()
        .filter(a -> a.grounding() != null)
        .mapToDouble(Answer::grounding)
        .average()
        .orElse(Double.NaN);
  }

  static double escalations(List<Answer> answers, String endpoint) {
    var scope = of(answers, endpoint);
    return scope.stream().filter(Answer::escalated).count() / (double) scope.size();
  }

  /** Escalations per verifier failure, e.g. {@code refusal 61, ungrounded 19}. */
  static String reasons(List<Answer> answers) {
    var counts = new java.util.TreeMap<String, Long>();
    answers.stream()
        .filter(Answer::escalated)
        .forEach(a -> counts.merge(a.escalation(), 1L, Long::sum));
    return counts.isEmpty()
        ? "-"
        : String.join(
            ", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  static double savings(List<Answer> answers) {
    return answers.stream().mapToDouble(Answer::savingsUsd).sum();
  }

  private static List<Answer> of(List<Answer> answers, String endpoint) {
    return answers.stream().filter(a -> endpoint == null || a.endpoint().equals(endpoint)).toList();
  }

  private static String usd(double v) {
    return String.format(Locale.ROOT, "%.5f", v);
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }

  private static String truncate(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  /** The packaged service in its own JVM and data directory, on a free port, offline. */
  static final class Service implements AutoCloseable {
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private Service(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Service start(Path jar, Path dir, List<String> settings) throws Exception {
      Files.createDirectories(dir);
      int port = Local.freePort();
      var command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toAbsolutePath().toString(),
                  "--server.port=" + port,
                  "--lrcp.gateway.port=-1",
                  "--lrcp.simulated.latency-scale=0",
                  "--lrcp.storage.directory=" + dir.toAbsolutePath()));
      command.addAll(settings);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("service.log").toFile())
              .start();
      var service = new Service(process, port);
      service.awaitHealthy();
      return service;
    }

    private void awaitHealthy() throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the service exited; see its service.log");
        }
        try {
          var response =
              http.send(request("/health").GET().build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return;
          }
        } catch (IOException starting) {
          // not listening yet
        }
        Thread.sleep(200); // a child process starting up, not a test waiting for time to pass
      }
      throw new IllegalStateException("the service did not become healthy in 3 minutes");
    }

    JsonNode post(Item item) throws Exception {
      var response =
          http.send(
              request(item.endpoint())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(item.body()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            item.endpoint() + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body()).path("metadata");
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
      process.destroy();
    }
  }
}
