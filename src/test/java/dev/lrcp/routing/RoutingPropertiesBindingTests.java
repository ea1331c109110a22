package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class RoutingPropertiesBindingTests {

  static RoutingProperties bind(Map<String, Object> env) {
    var environment = new StandardEnvironment();
    // the real system environment source, with a fake map instead of the process environment
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
    return new Binder(ConfigurationPropertySources.get(environment))
        .bindOrCreate("lrcp.routing", RoutingProperties.class);
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
