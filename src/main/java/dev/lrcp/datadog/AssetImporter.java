package dev.lrcp.datadog;

import com.datadog.api.client.ApiException;
import dev.lrcp.datadog.ImportResult.Action;
import dev.lrcp.datadog.ReferenceResolver.UnresolvedReferenceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Imports assets idempotently: an asset whose title already exists in Datadog is updated in place,
 * any other is created. Assets go in dependency order (SLOs, dashboards, monitors, composite
 * monitors, the rest) so references resolve to ids created earlier in the same run; a reference to
 * an asset outside the run is looked up by its title. One failure never stops the others.
 */
final class AssetImporter {

  private final Function<AssetKind, AssetGateway> gateways;
  private final List<Asset> allAssets;
  private final Map<AssetKind, Map<String, String>> existing = new EnumMap<>(AssetKind.class);
  private final Map<String, String> importedIds = new HashMap<>();
  private final ReferenceResolver resolver;

  AssetImporter(List<Asset> allAssets, String appUrl, Function<AssetKind, AssetGateway> gateways) {
    this.allAssets = allAssets;
    this.gateways = gateways;
    this.resolver = new ReferenceResolver(appUrl, this::remoteId);
  }

  /** The selected assets in the order they will be imported. */
  static List<Asset> ordered(List<Asset> selected) {
    return selected.stream().sorted(Comparator.comparingInt(AssetImporter::rank)).toList();
  }

  /** Kinds in their dependency order; composites after the monitors they combine. */
  private static int rank(Asset asset) {
    return asset.kind().ordinal() * 2 + (asset.isComposite() ? 1 : 0);
  }

  List<ImportResult> run(List<Asset> selected) {
    List<ImportResult> results = new ArrayList<>();
    for (Asset asset : ordered(selected)) results.add(importOne(asset));
    return results;
  }

  private ImportResult importOne(Asset asset) {
    try {
      var body = resolver.render(asset);
      AssetGateway gateway = gateways.apply(asset.kind());
      String id = existing(asset.kind()).get(asset.title());
      Action action;
      if (id == null) {
        id = gateway.creator().create(body);
        action = Action.CREATED;
      } else {
        gateway.updater().update(id, body);
        action = Action.UPDATED;
      }
      importedIds.put(key(asset.kind(), asset.id()), id);
      return new ImportResult(asset, action, id, "");
    } catch (ApiException e) {
      return new ImportResult(
          asset,
          Action.FAILED,
          null,
          "HTTP " + e.getCode() + " " + brief(e.getResponseBody(), e.getMessage()));
    } catch (UnresolvedReferenceException | IllegalArgumentException e) {
      return new ImportResult(asset, Action.FAILED, null, e.getMessage());
    } catch (
        RuntimeException e) { // the client's transport errors (refused, TLS, timeout) are unchecked
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      return new ImportResult(asset, Action.FAILED, null, "cannot reach Datadog: " + root);
    }
  }

  private Map<String, String> existing(AssetKind kind) throws ApiException {
    Map<String, String> known = existing.get(kind);
    if (known == null) {
      known = gateways.apply(kind).lister().titlesToIds();
      existing.put(kind, known);
    }
    return known;
  }

  private String remoteId(AssetKind kind, String assetId) {
    String id = importedIds.get(key(kind, assetId));
    if (id != null) return id;
    Asset target =
        allAssets.stream()
            .filter(a -> a.kind() == kind && a.id().equals(assetId))
            .findFirst()
            .orElse(null);
    try {
      id = target == null ? null : existing(kind).get(target.title());
    } catch (ApiException e) {
      throw new UnresolvedReferenceException(
          "cannot list " + kind.directory() + ": HTTP " + e.getCode());
    }
    if (id == null) {
      throw new UnresolvedReferenceException(
          "refers to "
              + kind.directory()
              + "/"
              + assetId
              + ".json, which is not in Datadog (import failed or not selected)");
    }
    return id;
  }

  private static String key(AssetKind kind, String assetId) {
    return kind + ":" + assetId;
  }

  private static String brief(String body, String fallback) {
    String text = body == null || body.isBlank() ? fallback : body.replaceAll("\\s+", " ");
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
