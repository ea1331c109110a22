package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped assets in {@code datadog/} pass every offline check. */
class AssetValidationTests {

  static final Path ASSETS = Path.of("datadog");
  private final List<Asset> assets = AssetLoader.load(ASSETS);

  @Test
  void everyAssetPassesStrictModelsQueryGrammarCatalogAndRunbookChecks() {
    assertThat(AssetLinter.lint(assets, MetricCatalog.fromClasspath())).isEmpty();
  }

  @Test
  void shipsEveryKindOfAsset() {
    Map<AssetKind, Long> counts =
        assets.stream().collect(Collectors.groupingBy(Asset::kind, Collectors.counting()));
    assertThat(counts).containsOnlyKeys(AssetKind.values());
    assertThat(counts.get(AssetKind.MONITORS)).isGreaterThanOrEqualTo(16);
  }

  @Test
  void coversEveryMonitorThemeOfTheIssue() {
    Map<String, String> queries =
        assets.stream()
            .filter(a -> a.kind() == AssetKind.MONITORS)
            .collect(Collectors.toMap(Asset::id, a -> a.body().path("query").asText()));
    assertThat(queries.get("latency-p95")).contains("p95:llm.request.latency_ms");
    assertThat(queries.get("latency-p99")).contains("p99:llm.request.latency_ms");
    assertThat(queries.get("cost-spike-anomaly")).startsWith("avg(last_4h):anomalies(");
    assertThat(queries)
        .containsKeys(
            "error-rate",
            "retry-storm",
            "timeouts",
            "safety-blocks",
            "token-explosion",
            "quality-drop",
            "ungrounded-rate",
            "prompt-injection",
            "token-abuse",
            "health-score-low",
            "circuit-breaker-open",
            "no-data",
            "open-incidents");
  }

  @Test
  void titlesAreUniquePerKindBecauseTheImporterMatchesOnThem() {
    Map<String, Long> titles =
        assets.stream()
            .collect(Collectors.groupingBy(a -> a.kind() + "/" + a.title(), Collectors.counting()));
    assertThat(titles.values()).allMatch(n -> n == 1);
  }

  @Test
  void noDataMonitorAlertsOnSilence() {
    var noData = byId("no-data");
    assertThat(noData.body().at("/options/notify_no_data").asBoolean()).isTrue();
    assertThat(noData.body().at("/options/no_data_timeframe").asInt()).isPositive();
  }

  private Asset byId(String id) {
    return assets.stream().collect(Collectors.toMap(Asset::id, Function.identity())).get(id);
  }
}
