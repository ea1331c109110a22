package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * One asset file: its kind, its id (the file name without {@code .json}, used in references such as
 * {@code ${monitor:latency-p95}}), its title and its body in the API's request format.
 */
record Asset(AssetKind kind, String id, Path file, ObjectNode body) {

  String title() {
    return body.at(kind.titlePointer()).asText();
  }

  /** Composite monitors refer to other monitors and are imported after them. */
  boolean isComposite() {
    return kind == AssetKind.MONITORS && "composite".equals(body.path("type").asText());
  }
}
