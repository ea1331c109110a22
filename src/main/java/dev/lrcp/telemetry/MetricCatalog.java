package dev.lrcp.telemetry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every DogStatsD metric the service emits, with its type and the only tags it may carry, loaded
 * from {@code telemetry/metrics.json}. The emitter refuses anything not declared here, and the
 * Datadog assets are checked against the same file.
 */
public final class MetricCatalog {

  static final String RESOURCE = "/telemetry/metrics.json";

  private final Document document;
  private final Map<String, MetricDefinition> byName;

  MetricCatalog(Document document) {
    this.document = document;
    this.byName =
        document.metrics().stream()
            .collect(Collectors.toUnmodifiableMap(MetricDefinition::name, Function.identity()));
  }

  public static MetricCatalog load() {
    try (InputStream in = MetricCatalog.class.getResourceAsStream(RESOURCE)) {
      var mapper =
          JsonMapper.builder()
              .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build();
      return new MetricCatalog(mapper.readValue(in, Document.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public Document document() {
    return document;
  }

  public List<MetricDefinition> metrics() {
    return document.metrics();
  }

  public List<String> constantTags() {
    return document.constantTags();
  }

  public Optional<MetricDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The file as served by {@code GET /telemetry/catalog}. */
  public record Document(
      String description, List<String> constantTags, List<MetricDefinition> metrics) {
    public Document {
      constantTags = List.copyOf(constantTags);
      metrics = List.copyOf(metrics);
    }
  }

  /** One metric: name, DogStatsD type, and the tags it may carry besides the constant ones. */
  public record MetricDefinition(
      String name,
      MetricType type,
      String unit,
      List<String> tags,
      String source,
      String description) {
    public MetricDefinition {
      tags = List.copyOf(tags);
    }
  }

  /** DogStatsD types we use, with their wire letter. */
  public enum MetricType {
    @JsonProperty("count")
    COUNT("c"),
    @JsonProperty("gauge")
    GAUGE("g"),
    @JsonProperty("distribution")
    DISTRIBUTION("d");

    private final String wire;

    MetricType(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }
}
