package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped assets in {@code datadog/} pass every offline check and keep the paging policy. */
class AssetValidationTests {

  static final Path ASSETS = Path.of("datadog");
  private final List<Asset> assets = AssetLoader.load(ASSETS);

  @Test
  void everyAssetPassesStrictModelsQueryGrammarCatalogAndPolicyChecks() {
    assertThat(AssetLinter.lint(assets, MetricCatalog.fromClasspath())).isEmpty();
  }

  @Test
  void shipsEveryKindOfAsset() {
    Map<AssetKind, Long> counts =
        assets.stream().collect(Collectors.groupingBy(Asset::kind, Collectors.counting()));
    assertThat(counts).containsOnlyKeys(AssetKind.values());
  }

  @Test
  void onlyTheProductionSymptomsCanPage() {
    assertThat(
            assets.stream()
                .filter(a -> a.body().path("message").asText().contains("@pagerduty-"))
                .map(a -> a.kind().directory() + "/" + a.id()))
        .containsExactlyInAnyOrder(
            "monitors/availability-fast-burn",
            "monitors/latency-fast-burn",
            "monitors/heartbeat",
            "synthetics/health");
  }

  @Test
  void watchesWhatTheServiceEmitsThatNothingWatchedBefore() {
    Map<String, String> queries =
        assets.stream()
            .filter(a -> a.kind() == AssetKind.MONITORS)
            .collect(Collectors.toMap(Asset::id, a -> a.body().path("query").asText()));
    assertThat(queries.get("storage-dropped")).contains("sum:llm.storage.dropped.count");
    assertThat(queries.get("sink-failures")).contains("sum:llm.incident.sink.failure.count");
    assertThat(queries.get("unscored-share-condition")).contains("llm.quality.unscored.count");
    assertThat(queries.get("ttft-p95-condition")).contains("p95:llm.time_to_first_token_ms");
    assertThat(queries.get("telemetry-loss-condition"))
        .contains("sum:ml_obs.span")
        .contains("sum:llm.request.count");
  }

  @Test
  void latencySloIsATimeSliceSloOfP95UnderThreeSecondsPerFiveMinutes() {
    JsonNode slice = byId(AssetKind.SLOS, "latency").body().at("/sli_specification/time_slice");
    assertThat(slice.at("/query/queries/0/query").asText())
        .startsWith("p95:llm.request.latency_ms{")
        .contains("env:prod", "!traffic:injected");
    assertThat(slice.path("comparator").asText()).isEqualTo("<=");
    assertThat(slice.path("threshold").asDouble()).isEqualTo(3000);
    assertThat(slice.path("query_interval_seconds").asInt()).isEqualTo(300);
  }

  @Test
  void heartbeatAlertsOnSilence() {
    assertThat(byId(AssetKind.MONITORS, "heartbeat").body().at("/options/on_missing_data").asText())
        .isEqualTo("show_and_notify_no_data");
  }

  @Test
  void dashboardOpensWithWhatIsWrongNowAndEveryGroupWithANote() {
    JsonNode dashboard = byId(AssetKind.DASHBOARDS, "single-pane").body();
    List<JsonNode> groups = new ArrayList<>();
    dashboard.path("widgets").forEach(g -> groups.add(g.path("definition")));
    assertThat(groups)
        .allSatisfy(
            g ->
                assertThat(g.at("/widgets/0/definition/type").asText())
                    .as(g.path("title").asText())
                    .isEqualTo("note"));
    List<JsonNode> first = new ArrayList<>();
    groups.getFirst().path("widgets").forEach(w -> first.add(w.path("definition")));
    assertThat(first).extracting(w -> w.path("type").asText()).contains("manage_status", "toplist");
    assertThat(first)
        .extracting(w -> w.path("slo_id").asText())
        .contains("${slo:availability}", "${slo:latency}");
    assertThat(first.stream().filter(w -> w.path("type").asText().equals("slo")))
        .allMatch(w -> w.path("show_error_budget").asBoolean());
    String firstQueries = first.toString();
    assertThat(firstQueries)
        .contains("sum:llm.error.count{", "p95:llm.request.latency_ms{")
        .contains("by {endpoint,model}")
        .contains("by {version}");
    assertThat(dashboard.path("template_variables"))
        .anySatisfy(
            v -> {
              assertThat(v.path("name").asText()).isEqualTo("env");
              assertThat(v.path("default").asText()).isEqualTo("prod");
            });
  }

  @Test
  void titlesAreUniquePerKindBecauseTheImporterMatchesOnThem() {
    Map<String, Long> titles =
        assets.stream()
            .collect(Collectors.groupingBy(a -> a.kind() + "/" + a.title(), Collectors.counting()));
    assertThat(titles.values()).allMatch(n -> n == 1);
  }

  private Asset byId(AssetKind kind, String id) {
    return assets.stream()
        .filter(a -> a.kind() == kind)
        .collect(Collectors.toMap(Asset::id, Function.identity()))
        .get(id);
  }
}
