package dev.lrcp.routing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Model choice and routing policies ({@code LRCP_ROUTING_*}; docs/routing.md).
 *
 * @param defaultModel used when neither the request nor {@code models} names one
 * @param models the static model per request type ({@code qa}, {@code reason}, {@code stress},
 *     {@code chat}); entries given here are laid over the built-in ones, and a blank value removes
 *     a built-in entry (env {@code LRCP_ROUTING_MODELS_REASON=gemini-2.5-flash})
 * @param policies per request type; a request type without one is {@code static}
 * @param applications per {@code X-LRCP-Application} value; wins over the endpoint's policy
 * @param aliases named policies a request selects with {@code "model": "<alias>"}
 */
@ConfigurationProperties("lrcp.routing")
record RoutingProperties(
    @DefaultValue("gemini-2.5-flash") String defaultModel,
    Map<String, String> models,
    Map<String, PolicySpec> policies,
    Map<String, PolicySpec> applications,
    Map<String, PolicySpec> aliases,
    @DefaultValue Holds holds,
    @DefaultValue Cascade cascade) {

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
    policies = policies == null ? Map.of() : Map.copyOf(policies);
    applications = applications == null ? Map.of() : Map.copyOf(applications);
    aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    holds = holds == null ? Holds.DEFAULT : holds;
    cascade = cascade == null ? Cascade.DEFAULT : cascade;
  }

  /**
   * Settings of {@code cheapest-that-holds}: a candidate holds when, over the last {@code window}
   * of its calls on the endpoint, the one-sided 95 % lower bound of its quality minus the
   * reference's is above {@code -qualityTolerance}, its error rate at most the reference's plus
   * {@code errorRateTolerance}, and its p95 latency at most the reference's times {@code 1 +
   * latencyTolerance}; each needs {@code minSamples} calls and scored answers.
   *
   * @param exploration share of calls sent to another candidate at random, keeping every
   *     candidate's statistics fresh
   */
  record Holds(
      @DefaultValue("15m") Duration window,
      @DefaultValue("30") int minSamples,
      @DefaultValue("0.05") double qualityTolerance,
      @DefaultValue("0.02") double errorRateTolerance,
      @DefaultValue("0.25") double latencyTolerance,
      @DefaultValue("0.05") double exploration) {

    static final Holds DEFAULT = new Holds(Duration.ofMinutes(15), 30, 0.05, 0.02, 0.25, 0.05);

    Holds {
      if (window == null || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("lrcp.routing.holds.window must be positive");
      }
      if (minSamples < 2 || !(exploration >= 0 && exploration < 1)) {
        throw new IllegalArgumentException(
            "lrcp.routing.holds.min-samples must be >= 2 and exploration in [0, 1)");
      }
    }
  }

  /**
   * Settings of {@code cascade}.
   *
   * @param groundingThreshold a cheap answer with a document is escalated when its grounding score
   *     is below this
   */
  record Cascade(@DefaultValue("0.5") double groundingThreshold) {
    static final Cascade DEFAULT = new Cascade(0.5);
  }
}
