package dev.lrcp.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models we know, with prices, loaded from {@code llm/models.json} (source and date inside).
 */
public final class ModelCatalog {

  private final Map<String, ModelSpec> models;
  private final String pricesSource;

  public ModelCatalog(List<ModelSpec> models, String pricesSource) {
    var byName = new LinkedHashMap<String, ModelSpec>();
    models.forEach(m -> byName.put(m.name(), m));
    this.models = Map.copyOf(byName);
    this.pricesSource = pricesSource;
  }

  public static ModelCatalog load() {
    try (InputStream in = ModelCatalog.class.getResourceAsStream("/llm/models.json")) {
      var file =
          JsonMapper.builder()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build()
              .readValue(in, CatalogFile.class);
      return new ModelCatalog(file.models(), file.source() + " (" + file.asOf() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read llm/models.json", e);
    }
  }

  public Optional<ModelSpec> find(String name) {
    return Optional.ofNullable(models.get(name));
  }

  public ModelSpec require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown model: " + name));
  }

  public List<ModelSpec> all() {
    return List.copyOf(models.values());
  }

  /** USD cost of a call on a model; 0 for a model missing from the table (never guessed). */
  public double cost(String model, TokenUsage usage) {
    return find(model).map(spec -> spec.cost(usage)).orElse(0.0);
  }

  public String pricesSource() {
    return pricesSource;
  }

  record CatalogFile(
      String source,
      String asOf,
      String thinkingNote,
      String capabilityNote,
      List<ModelSpec> models) {}
}
