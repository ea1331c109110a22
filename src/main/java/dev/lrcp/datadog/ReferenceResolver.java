package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;

/**
 * Renders an asset for the API: {@code ${app_url}} becomes the Datadog web URL, {@code
 * ${monitor:<file>}} and {@code ${slo:<file>}} the ids those assets got (in this run or an earlier
 * one), and {@code ${dashboard:<file>}} the dashboard's URL (the dashboard list while it has none).
 */
final class ReferenceResolver {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String appUrl;
  private final BiFunction<AssetKind, String, String> remoteId;

  /**
   * @param remoteId (kind, asset file id) → the asset's id in Datadog; throws {@link
   *     UnresolvedReferenceException} when it has none
   */
  ReferenceResolver(String appUrl, BiFunction<AssetKind, String, String> remoteId) {
    this.appUrl = appUrl;
    this.remoteId = remoteId;
  }

  ObjectNode render(Asset asset) {
    String json = asset.body().toString().replace("${app_url}", appUrl);
    Matcher m = AssetLinter.REFERENCE.matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1), m.group(2))));
    }
    m.appendTail(out);
    return parse(out.toString());
  }

  /** The asset ids this asset refers to, as (kind, id) pairs, for the plan. */
  static List<String> references(Asset asset) {
    Matcher m = AssetLinter.REFERENCE.matcher(asset.body().toString());
    return m.results().map(r -> r.group(1) + ":" + r.group(2)).distinct().toList();
  }

  private String resolve(String kind, String id) {
    return switch (kind) {
      case "monitor" -> remoteId.apply(AssetKind.MONITORS, id);
      case "slo" -> remoteId.apply(AssetKind.SLOS, id);
      default -> dashboardUrl(id);
    };
  }

  /**
   * A monitor still works without its dashboard link, so a dashboard that is not in Datadog (its
   * import failed) makes the link open the dashboard list rather than failing every monitor.
   */
  private String dashboardUrl(String id) {
    try {
      return appUrl + "/dashboard/" + remoteId.apply(AssetKind.DASHBOARDS, id);
    } catch (UnresolvedReferenceException e) {
      return appUrl + "/dashboard/lists";
    }
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("rendering broke the JSON", e);
    }
  }

  /** A reference to an asset that has no id in Datadog yet. */
  static final class UnresolvedReferenceException extends RuntimeException {
    UnresolvedReferenceException(String message) {
      super(message);
    }
  }
}
