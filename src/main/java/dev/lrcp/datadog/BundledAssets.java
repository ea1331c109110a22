package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The assets of {@code datadog/} as they ship in the jar, for the actions that import one of them
 * on request (a log pipeline, the health synthetic). The build validates every one of them.
 */
public final class BundledAssets {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BundledAssets() {}

  /**
   * The asset {@code datadog/<kind>/<id>.json} rendered for the API: {@code ${app_url}} and every
   * {@code ${dashboard:...}} replaced; it must refer to no monitor or SLO.
   *
   * @throws IllegalArgumentException when there is no such asset
   */
  public static ObjectNode render(String kind, String id, String appUrl, String dashboardUrl) {
    String path = "/datadog/" + AssetKind.fromName(kind).directory() + "/" + id + ".json";
    try (InputStream in = BundledAssets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled asset " + path);
      }
      String json =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .replace("${app_url}", appUrl)
              .replaceAll(
                  "\\$\\{dashboard:[a-z0-9-]+}",
                  java.util.regex.Matcher.quoteReplacement(dashboardUrl));
      if (AssetLinter.REFERENCE.matcher(json).find()) {
        throw new IllegalArgumentException(path + " refers to another asset by id");
      }
      return (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
