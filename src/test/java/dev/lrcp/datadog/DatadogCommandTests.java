package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The importer, with the real Datadog client, against a local stub of the API. */
class DatadogCommandTests {

  private static final String API_KEY = "stub-api-key-0123456789";
  private static final String APP_KEY = "stub-app-key-9876543210";
  private static final int ASSETS = AssetLoader.load(AssetValidationTests.ASSETS).size();

  private final DatadogApiStub stub = newStub();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void dryRunValidatesAndSendsNothing() {
    assertThat(run(Map.of(), "import", "--dry-run")).isZero();
    assertThat(stub.requests()).isEmpty();
    assertThat(output())
        .contains("Plan: " + ASSETS + " assets, dry run")
        .contains("no request sent");
  }

  @Test
  void firstRunCreatesEverythingAndSecondRunOnlyUpdates() {
    assertThat(run(keys(), "import")).isZero();
    assertThat(stub.count("POST")).isEqualTo(ASSETS);
    assertThat(stub.count("PUT")).isZero();
    assertThat(output()).contains("Summary: " + ASSETS + " created, 0 updated, 0 failed");
    assertThat(output()).doesNotContain(API_KEY).doesNotContain(APP_KEY);
    assertThat(stub.requests()).allMatch(r -> API_KEY.equals(r.apiKey()));

    output.reset();
    long before = stub.requests().size();
    assertThat(run(keys(), "import")).isZero();
    var second = stub.requests().subList((int) before, stub.requests().size());
    // the catalogue's only write is an upsert (POST); everything else is updated with PUT
    assertThat(second)
        .filteredOn(r -> r.method().equals("POST"))
        .extracting(DatadogApiStub.Request::path)
        .containsOnly("/api/v2/services/definitions");
    assertThat(second.stream().filter(r -> !r.method().equals("GET")).count()).isEqualTo(ASSETS);
    assertThat(output()).contains("Summary: 0 created, " + ASSETS + " updated, 0 failed");
  }

  @Test
  void resolvesReferencesToIdsCreatedInTheSameRun() {
    assertThat(run(keys(), "import")).isZero();
    String sloId = createdIdText("availability.json");
    assertThat(posted("/api/v1/monitor", "LLM availability SLO fast burn").path("query").asText())
        .startsWith("burn_rate(\"" + sloId + "\")");
    var dashboard =
        posted("/api/v1/dashboard", "title", "LLM Reliability Control Plane - single pane");
    assertThat(dashboard.toString()).contains("\"slo_id\":\"" + sloId + "\"").doesNotContain("${");
    long conditionId = createdId("error-rate-condition.json");
    long volumeId = createdId("volume.json");
    assertThat(posted("/api/v1/monitor", "LLM error rate above 5%").path("query").asText())
        .isEqualTo(conditionId + " && " + volumeId);
    assertThat(posted("/api/v1/monitor", "LLM error rate above 5%").path("message").asText())
        .contains(stub.url() + "/dashboard/stub-")
        .contains(stub.url() + "/logs?query=")
        .doesNotContain("${");
  }

  @Test
  void onlyImportsTheSelectedKindsAndLooksUpReferencesByTitle() {
    long monitors =
        AssetLoader.load(AssetValidationTests.ASSETS).stream()
            .filter(a -> a.kind() == AssetKind.MONITORS)
            .count();
    // the dashboard and the four burn-rate monitors need the SLOs, which are not imported yet
    assertThat(run(keys(), "import", "--only", "dashboards,monitors")).isEqualTo(1);
    assertThat(output())
        .containsPattern(
            "availability-fast-burn\\.json +failed +- +refers to slos/availability\\.json")
        .containsPattern("single-pane\\.json +failed +- +refers to slos/")
        .contains("5 failed");
    assertThat(posted("/api/v1/monitor", "LLM error rate above 5%").path("message").asText())
        .contains(stub.url() + "/dashboard/lists?tpl_var_service=");
    output.reset();
    assertThat(run(keys(), "import", "--only", "slos")).isZero();
    assertThat(output()).contains("Summary: 2 created, 0 updated, 0 failed");
    output.reset();
    assertThat(run(keys(), "import", "--only", "monitors")).isZero();
    assertThat(output()).contains("Summary: 4 created, " + (monitors - 4) + " updated, 0 failed");
  }

  @Test
  void aFailingEndpointYieldsAClearErrorAndANonZeroExit() {
    stub.fail("POST", "/api/v1/slo", 403);
    assertThat(run(keys(), "import")).isEqualTo(1);
    assertThat(output())
        .containsPattern("slos +availability\\.json +failed +- +HTTP 403 .*forced failure")
        .containsPattern(
            "availability-slow-burn\\.json +failed +- +refers to slos/availability\\.json")
        .containsPattern("single-pane\\.json +failed +- +refers to slos/")
        .contains("Summary: " + (ASSETS - 7) + " created, 0 updated, 7 failed")
        .contains("Import FAILED");
  }

  @Test
  void refusesToRunWithoutKeys() {
    assertThat(run(Map.of("DD_SITE", stub.url()), "import")).isEqualTo(2);
    assertThat(output()).contains("DD_API_KEY and DD_APP_KEY must be set");
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void anUnreachableApiFailsEveryAssetWithoutAStackTrace() {
    var env = keys();
    stub.close();
    assertThat(run(env, "import", "--only", "dashboards")).isEqualTo(1);
    assertThat(output())
        .contains("failed")
        .contains("cannot reach Datadog")
        .contains("Import FAILED");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(run(keys(), "import", "--only", "workflows")).isEqualTo(2);
    assertThat(output()).contains("unknown asset kind 'workflows'");
  }

  private Map<String, String> keys() {
    return Map.of("DD_API_KEY", API_KEY, "DD_APP_KEY", APP_KEY, "DD_SITE", stub.url());
  }

  private int run(Map<String, String> env, String... args) {
    return DatadogCommand.run(args, env, new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return output.toString(StandardCharsets.UTF_8);
  }

  private com.fasterxml.jackson.databind.JsonNode posted(String path, String title) {
    return posted(path, "name", title);
  }

  private com.fasterxml.jackson.databind.JsonNode posted(String path, String field, String title) {
    return stub.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().equals(path))
        .map(DatadogApiStub.Request::body)
        .filter(b -> title.equals(b.path(field).asText()))
        .findFirst()
        .orElseThrow();
  }

  private long createdId(String file) {
    return Long.parseLong(createdIdText(file));
  }

  private String createdIdText(String file) {
    String line =
        output()
            .lines()
            .filter(l -> l.contains(" " + file + " ") && l.contains("created"))
            .findFirst()
            .orElseThrow();
    return line.split("\\s+")[3];
  }

  private static DatadogApiStub newStub() {
    try {
      return new DatadogApiStub();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
