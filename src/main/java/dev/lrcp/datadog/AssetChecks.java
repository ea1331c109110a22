package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The offline checks every file under {@code datadog/} passes, for a body built at run time (a
 * notebook made from an incident): strict API model, query grammar, metric catalog and tags.
 */
public final class AssetChecks {

  private AssetChecks() {}

  /**
   * @param kind an asset folder name, e.g. {@code notebooks}
   * @return the problems found; empty when the body would pass as an asset file
   */
  public static List<String> problems(String kind, JsonNode body) {
    var asset = new Asset(AssetKind.fromName(kind), "generated", null, (ObjectNode) body);
    return AssetLinter.lint(List.of(asset), MetricCatalog.fromClasspath());
  }
}
