package dev.lrcp.telemetry;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One parsed DogStatsD line: {@code name:value|type|#tag,tag} (other fields ignored). */
record StatsdLine(String raw, String name, double value, String type, List<String> tags) {

  static StatsdLine parse(String raw) {
    String[] fields = raw.split("\\|");
    int colon = fields[0].lastIndexOf(':');
    List<String> tags = List.of();
    for (String field : fields) {
      if (field.startsWith("#")) {
        tags = Arrays.asList(field.substring(1).split(","));
      }
    }
    return new StatsdLine(
        raw,
        fields[0].substring(0, colon),
        Double.parseDouble(fields[0].substring(colon + 1)),
        fields[1],
        tags);
  }

  /** Tag keys other than the constant ones. */
  Set<String> tagKeys() {
    return tags.stream()
        .map(t -> t.substring(0, t.indexOf(':')))
        .filter(k -> !Set.of("service", "env", "version").contains(k))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  String tag(String key) {
    return tags.stream()
        .filter(t -> t.startsWith(key + ":"))
        .map(t -> t.substring(key.length() + 1))
        .findFirst()
        .orElse(null);
  }
}
