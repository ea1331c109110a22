package dev.lrcp.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The development sets live beside the clone ({@code ../shared/data}), not in the repository: part
 * of the grounding text is CC BY-SA and must not be mixed into the MIT-licensed tree. Missing data
 * is an error, never a skip. Override the folder with {@code -Dlrcp.data.dir} ({@code
 * scripts/test.sh} sets it for a clone whose origin repository has the data beside it).
 */
public final class DevData {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DevData() {}

  public static List<JsonNode> rows(String file) {
    Path path = dir().resolve(file);
    try {
      return Files.readAllLines(path).stream()
          .filter(l -> !l.isBlank())
          .map(JSON::readTree)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read development data " + path, e);
    }
  }

  static Path dir() {
    String configured = System.getProperty("lrcp.data.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String candidate : List.of("../shared/data", "../../shared/data")) {
      Path p = Path.of(candidate).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "development data not found: expected ../shared/data beside the clone (or beside its origin,"
            + " through scripts/test.sh) or -Dlrcp.data.dir");
  }
}
