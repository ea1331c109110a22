package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The service's metric catalog ({@code telemetry/metrics.json}, owned by telemetry): what the
 * assets may query. Read from the class path so the importer checks against the jar it ships in.
 */
record MetricCatalog(Map<String, Metric> metrics, Set<String> constantTags) {

  record Metric(String name, String type, Set<String> tags) {}

  static MetricCatalog fromClasspath() {
    try (InputStream in = MetricCatalog.class.getResourceAsStream("/telemetry/metrics.json")) {
      if (in == null) throw new IllegalStateException("telemetry/metrics.json not on class path");
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Metric> metrics = new HashMap<>();
      for (JsonNode m : root.path("metrics")) {
        Set<String> tags = new HashSet<>();
        m.path("tags").forEach(t -> tags.add(t.asText()));
        metrics.put(
            m.path("name").asText(),
            new Metric(m.path("name").asText(), m.path("type").asText(), tags));
      }
      Set<String> constant = new HashSet<>();
      root.path("constant_tags").forEach(t -> constant.add(t.asText()));
      return new MetricCatalog(Map.copyOf(metrics), Set.copyOf(constant));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
