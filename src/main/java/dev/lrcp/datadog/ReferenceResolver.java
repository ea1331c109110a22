package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;

/**
 * Renders an asset for the API: {@code ${app_url}} becomes the Datadog web URL, {@code
 * ${monitor:<file>}} and {@code ${slo:<file>}} the ids those assets got (in this run or an earlier
 * one), {@code ${dashboard:<file>}} the dashboard's URL, and a monitor SLO's {@code
 * lrcp_monitor_ref:<file>} tags fill its {@code monitor_ids}.
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
    ObjectNode body = parse(out.toString());
    if (asset.kind() == AssetKind.SLOS && "monitor".equals(body.path("type").asText())) {
      ArrayNode ids = body.putArray("monitor_ids");
      monitorRefs(body)
          .forEach(ref -> ids.add(Long.parseLong(remoteId.apply(AssetKind.MONITORS, ref))));
    }
    return body;
  }

  /** The asset ids this asset refers to, as (kind, id) pairs, for the plan. */
  static List<String> references(Asset asset) {
    Matcher m = AssetLinter.REFERENCE.matcher(asset.body().toString());
    List<String> refs =
        new java.util.ArrayList<>(
            m.results().map(r -> r.group(1) + ":" + r.group(2)).distinct().toList());
    monitorRefs(asset.body()).forEach(r -> refs.add("monitor:" + r));
    return refs;
  }

  private String resolve(String kind, String id) {
    return switch (kind) {
      case "monitor" -> remoteId.apply(AssetKind.MONITORS, id);
      case "slo" -> remoteId.apply(AssetKind.SLOS, id);
      default -> appUrl + "/dashboard/" + remoteId.apply(AssetKind.DASHBOARDS, id);
    };
  }

  private static List<String> monitorRefs(JsonNode body) {
    return AssetLinter.stream(body.path("tags"))
        .filter(t -> t.startsWith(AssetLinter.MONITOR_REF_TAG))
        .map(t -> t.substring(AssetLinter.MONITOR_REF_TAG.length()))
        .toList();
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
