package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.EnvironmentVariables;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPropertiesBindingTests {

  static RoutingProperties bind(Map<String, Object> env) {
    return EnvironmentVariables.bind("lrcp.routing", RoutingProperties.class, env);
  }

  @Test
  void defaultsRouteReasoningToProAndEverythingElseToFlash() {
    RoutingProperties properties = bind(Map.of());
    assertThat(properties.defaultModel()).isEqualTo("gemini-2.5-flash");
    assertThat(properties.models()).isEqualTo(Map.of("reason", "gemini-2.5-pro"));
  }

  @Test
  void environmentVariablesSetTheDefaultAndPerEndpointModels() {
    RoutingProperties properties =
        bind(
            Map.of(
                "LRCP_ROUTING_DEFAULT_MODEL", "gpt-4o-mini",
                "LRCP_ROUTING_MODELS_STRESS", "gemini-2.5-flash-lite",
                "LRCP_ROUTING_MODELS_REASON", ""));
    assertThat(properties.defaultModel()).isEqualTo("gpt-4o-mini");
    assertThat(properties.models()).isEqualTo(Map.of("stress", "gemini-2.5-flash-lite"));
  }
}
