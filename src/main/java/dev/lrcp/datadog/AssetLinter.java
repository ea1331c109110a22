package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every offline check on the assets, shared by the build's tests and the importer (which refuses to
 * import anything that fails): strict API models, metric query grammar, metric catalog, the paging
 * policy ({@link AlertPolicy}), monitor queries and thresholds, SLO scope, tags, and references
 * between assets.
 */
final class AssetLinter {

  static final String SERVICE = "llm-reliability-control-plane";
  static final List<String> REQUIRED_TAGS =
      List.of("service:" + SERVICE, "team:llm-reliability", "managed-by:lrcp-assets");
  static final Pattern REFERENCE = Pattern.compile("\\$\\{(monitor|slo|dashboard):([a-z0-9-]+)}");

  private final MetricCatalog catalog;
  private final List<Asset> assets;
  private final List<String> problems = new ArrayList<>();

  private AssetLinter(MetricCatalog catalog, List<Asset> assets) {
    this.catalog = catalog;
    this.assets = assets;
  }

  /** All problems, each prefixed with the file it was found in; empty when the set is clean. */
  static List<String> lint(List<Asset> assets, MetricCatalog catalog) {
    var linter = new AssetLinter(catalog, assets);
    assets.forEach(linter::lintAsset);
    return linter.problems;
  }

  private void lintAsset(Asset asset) {
    String where = asset.kind().directory() + "/" + asset.id() + ".json: ";
    List<String> found =
        new ArrayList<>(StrictModelValidator.validate(asset.body(), asset.kind().model()));
    try {
      found.addAll(
          switch (asset.kind()) {
            case MONITORS -> monitorProblems(asset);
            case DASHBOARDS, NOTEBOOKS -> GraphQueryRules.check(asset.body(), catalog);
            case SLOS -> SloRules.check(asset.body(), catalog);
            case SYNTHETICS -> AlertPolicy.synthetic(asset);
            case LOGS_PIPELINES -> List.of();
            case SERVICES -> ServiceRules.check(asset.body());
          });
    } catch (MetricQueryParser.QuerySyntaxException e) {
      found.add("query does not parse: " + e.getMessage());
    }
    found.addAll(tagProblems(asset));
    found.addAll(referenceProblems(asset));
    if (asset.title().isBlank()) found.add("no title at " + asset.kind().titlePointer());
    found.forEach(p -> problems.add(where + p));
  }

  private List<String> monitorProblems(Asset monitor) {
    List<String> found = new ArrayList<>(MonitorRules.check(monitor.body(), catalog));
    found.addAll(AlertPolicy.monitor(monitor, assets, catalog));
    return found;
  }

  private List<String> tagProblems(Asset asset) {
    JsonNode tags =
        switch (asset.kind()) {
          case NOTEBOOKS, LOGS_PIPELINES -> null; // these APIs have no tags
          default -> asset.body().path("tags");
        };
    if (tags == null) return List.of();
    Set<String> present = new HashSet<>(stream(tags).toList());
    if (asset.kind() == AssetKind.DASHBOARDS) { // the dashboard API accepts team:<name> tags only
      return present.contains(REQUIRED_TAGS.get(1))
          ? List.of()
          : List.of("missing tag " + REQUIRED_TAGS.get(1));
    }
    return REQUIRED_TAGS.stream()
        .filter(t -> !present.contains(t))
        .map(t -> "missing tag " + t)
        .toList();
  }

  private List<String> referenceProblems(Asset asset) {
    List<String> found = new ArrayList<>();
    Matcher m = REFERENCE.matcher(asset.body().toString());
    while (m.find()) {
      AssetKind kind =
          m.group(1).equals("slo") ? AssetKind.SLOS : AssetKind.fromName(m.group(1) + "s");
      if (find(assets, kind, m.group(2)) == null) found.add("dangling reference " + m.group());
    }
    return found;
  }

  static Asset find(List<Asset> assets, AssetKind kind, String id) {
    return assets.stream()
        .filter(a -> a.kind() == kind && a.id().equals(id))
        .findFirst()
        .orElse(null);
  }

  static java.util.stream.Stream<String> stream(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values.stream();
  }
}
