package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code datadog/<kind>/*.json} file, one asset per file, in a stable order. */
final class AssetLoader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AssetLoader() {}

  static List<Asset> load(Path root) {
    List<Asset> assets = new ArrayList<>();
    for (AssetKind kind : AssetKind.values()) {
      Path dir = root.resolve(kind.directory());
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".json"))
            .sorted()
            .forEach(f -> assets.add(read(kind, f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return assets;
  }

  private static Asset read(AssetKind kind, Path file) {
    String name = file.getFileName().toString();
    try {
      JsonNode json = MAPPER.readTree(file.toFile());
      if (!(json instanceof ObjectNode body)) {
        throw new IllegalArgumentException(file + ": expected one JSON object");
      }
      return new Asset(kind, name.substring(0, name.length() - 5), file, body);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
    }
  }
}
