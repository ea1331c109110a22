package dev.lrcp.telemetry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the metric catalog, so tooling and tests check Datadog assets against what is sent. */
@RestController
class CatalogController {

  private final MetricCatalog catalog;

  CatalogController(MetricCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/telemetry/catalog")
  MetricCatalog.Document catalog() {
    return catalog.document();
  }
}
