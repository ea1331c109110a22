package dev.lrcp.routing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Model choice per request type ({@code qa}, {@code reason}, {@code stress}, {@code chat}).
 *
 * @param defaultModel used when neither the request nor {@code models} names one
 * @param models per request type; entries given here are laid over the built-in ones, and a blank
 *     value removes a built-in entry (env {@code LRCP_ROUTING_MODELS_REASON=gemini-2.5-flash})
 */
@ConfigurationProperties("lrcp.routing")
record RoutingProperties(
    @DefaultValue("gemini-2.5-flash") String defaultModel, Map<String, String> models) {

  /** Reasoning is the one endpoint that benefits from the larger model by default. */
  static final Map<String, String> BUILT_IN = Map.of("reason", "gemini-2.5-pro");

  RoutingProperties {
    if (defaultModel == null || defaultModel.isBlank()) {
      throw new IllegalArgumentException("lrcp.routing.default-model must not be blank");
    }
    var merged = new HashMap<>(BUILT_IN);
    if (models != null) {
      merged.putAll(models);
    }
    merged.values().removeIf(String::isBlank);
    models = Map.copyOf(merged);
  }
}
