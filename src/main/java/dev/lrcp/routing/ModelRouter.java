package dev.lrcp.routing;

import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import org.springframework.stereotype.Component;

/**
 * Chooses the model of a call. Stateless: the decision is a value returned to the caller and put on
 * its own {@code LlmRequest}, never written into a shared client (the original's race).
 */
@Component
public class ModelRouter {

  private final RoutingProperties properties;
  private final ModelCatalog catalog;

  ModelRouter(RoutingProperties properties, ModelCatalog catalog) {
    this.properties = properties;
    this.catalog = catalog;
  }

  /**
   * @param requestType {@code qa}, {@code reason}, {@code stress} or {@code chat}
   * @param requested the model named in the request, or null/blank
   * @throws UnknownModelException when {@code requested} is not in the catalog
   */
  public RouteDecision route(String requestType, String requested) {
    if (requested != null && !requested.isBlank()) {
      if (catalog.find(requested).isEmpty()) {
        throw new UnknownModelException(
            requested, catalog.all().stream().map(ModelSpec::name).toList());
      }
      return new RouteDecision(requested, "request");
    }
    String perEndpoint = properties.models().get(requestType);
    if (perEndpoint != null) {
      return new RouteDecision(perEndpoint, "endpoint");
    }
    return new RouteDecision(properties.defaultModel(), "default");
  }
}
