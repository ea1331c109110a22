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
 * What the assets may query: the service's metric catalog ({@code telemetry/metrics.json}, owned by
 * telemetry, read from the class path so the importer checks against the jar it ships in) plus the
 * metrics Datadog itself derives from what the service sends.
 */
public record MetricCatalog(Map<String, Metric> metrics, Set<String> constantTags) {

  public record Metric(String name, String type, Set<String> tags) {}

  /**
   * The tags the service sends on {@code metric} (besides service, env, version); empty if none.
   */
  public Set<String> tagsOf(String metric) {
    Metric m = metrics.get(metric);
    return m == null ? Set.of() : m.tags();
  }

  /**
   * LLM Observability computes {@code ml_obs.span} from 100 % of the spans the service sends, so it
   * counts the same calls as {@code llm.request.count} by another path (DogStatsD is UDP).
   */
  static final Metric ML_OBS_SPAN =
      new Metric(
          "ml_obs.span",
          "count",
          Set.of("error", "ml_app", "model_name", "model_provider", "span_kind"));

  public static MetricCatalog fromClasspath() {
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
      metrics.put(ML_OBS_SPAN.name(), ML_OBS_SPAN);
      Set<String> constant = new HashSet<>();
      root.path("constant_tags").forEach(t -> constant.add(t.asText()));
      return new MetricCatalog(Map.copyOf(metrics), Set.copyOf(constant));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
