package dev.lrcp.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.EnvironmentVariables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPropertiesBindingTests {

  static RoutingProperties bind(Map<String, Object> env) {
    return EnvironmentVariables.bind("lrcp.routing", RoutingProperties.class, env);
  }

  @Test
  void defaultsRouteReasoningToProAndEverythingElseToFlashStatically() {
    RoutingProperties properties = bind(Map.of());
    assertThat(properties.defaultModel()).isEqualTo("gemini-2.5-flash");
    assertThat(properties.models()).isEqualTo(Map.of("reason", "gemini-2.5-pro"));
    assertThat(properties.policies()).isEmpty();
    assertThat(properties.holds()).isEqualTo(RoutingProperties.Holds.DEFAULT);
    assertThat(properties.cascade().groundingThreshold()).isEqualTo(0.5);
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

  @Test
  void environmentVariablesSetPoliciesPerEndpointApplicationAndAlias() {
    RoutingProperties properties =
        bind(
            Map.of(
                "LRCP_ROUTING_POLICIES_QA_POLICY", "cascade",
                "LRCP_ROUTING_POLICIES_QA_MODELS", "gemini-2.5-flash,gemini-2.5-pro",
                "LRCP_ROUTING_APPLICATIONS_CHECKOUT_POLICY", "cheapest-that-holds",
                "LRCP_ROUTING_APPLICATIONS_CHECKOUT_REFERENCE", "gemini-2.5-pro",
                "LRCP_ROUTING_ALIASES_THRIFTY_POLICY", "cascade",
                "LRCP_ROUTING_HOLDS_WINDOW", "10m",
                "LRCP_ROUTING_HOLDS_EXPLORATION", "0.1",
                "LRCP_ROUTING_CASCADE_GROUNDING_THRESHOLD", "0.6"));

    assertThat(properties.policies().get("qa"))
        .isEqualTo(
            new PolicySpec(Policy.CASCADE, List.of("gemini-2.5-flash", "gemini-2.5-pro"), null));
    assertThat(properties.applications().get("checkout"))
        .isEqualTo(new PolicySpec(Policy.CHEAPEST_THAT_HOLDS, List.of(), "gemini-2.5-pro"));
    assertThat(properties.aliases().get("thrifty").policy()).isEqualTo(Policy.CASCADE);
    assertThat(properties.holds().window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(properties.holds().exploration()).isEqualTo(0.1);
    assertThat(properties.cascade().groundingThreshold()).isEqualTo(0.6);
  }
}
