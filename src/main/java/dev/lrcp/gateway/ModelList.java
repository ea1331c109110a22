package dev.lrcp.gateway;

import dev.lrcp.llm.ModelSpec;
import java.util.List;

/** {@code GET /v1/models}: the models of the catalog, in the OpenAI list shape. */
record ModelList(String object, List<Model> data) {

  static ModelList of(List<ModelSpec> specs, long created) {
    return new ModelList(
        "list",
        specs.stream().map(s -> new Model(s.name(), "model", created, s.provider())).toList());
  }

  record Model(String id, String object, long created, String ownedBy) {}
}
