package dev.lrcp.datadog.action;

import dev.lrcp.telemetry.TelemetryActivity;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /datadog/products}: computed on every request, never a fixed list. */
@RestController
class ProductsController {

  private final DatadogApis apis;
  private final DatadogActionsProperties properties;
  private final TelemetryActivity activity;

  ProductsController(
      DatadogApis apis, DatadogActionsProperties properties, TelemetryActivity activity) {
    this.apis = apis;
    this.properties = properties;
    this.activity = activity;
  }

  @Operation(
      summary = "Datadog products this service feeds: emitting, configured or not configured")
  @GetMapping("/datadog/products")
  ProductCatalogue.Catalogue products() {
    return ProductCatalogue.of(apis, properties, activity.snapshot());
  }
}
