package dev.lrcp.routing;

import dev.lrcp.flow.CallRequest;
import dev.lrcp.llm.LlmProperties;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Resolves what a call asks for into a {@link Plan}: a model the caller named, an alias, a policy
 * named with {@code auto:<policy>}, or (for {@code auto} or no model) the application's policy,
 * else the endpoint's, else the endpoint's static model. Configured policies are checked at
 * start-up: every model must be in the catalog and served by the configured provider.
 */
@Component
class RoutingPolicies {

  static final String AUTO_PREFIX = CallRequest.AUTO + ":";

  /** The plan's reason when a model chosen at run time decides. */
  static final String CHOICE = "choice";

  /** Where the models chosen at run time per request type come from ({@link ModelChoices}). */
  @FunctionalInterface
  interface ChoiceLookup {
    ChoiceLookup NONE = requestType -> Optional.empty();

    Optional<String> model(String requestType);
  }

  private final RoutingProperties properties;
  private final ModelCatalog catalog;
  private final LlmProperties.Provider provider;
  private final ChoiceLookup choices;

  @Autowired
  RoutingPolicies(
      RoutingProperties properties, ModelCatalog catalog, LlmProperties llm, ModelChoices choices) {
    this(properties, catalog, llm.provider(), choices::model);
  }

  RoutingPolicies(
      RoutingProperties properties, ModelCatalog catalog, LlmProperties.Provider provider) {
    this(properties, catalog, provider, ChoiceLookup.NONE);
  }

  RoutingPolicies(
      RoutingProperties properties,
      ModelCatalog catalog,
      LlmProperties.Provider provider,
      ChoiceLookup choices) {
    this.properties = properties;
    this.catalog = catalog;
    this.provider = provider;
    this.choices = choices;
    check("policies", properties.policies());
    check("applications", properties.applications());
    check("aliases", properties.aliases());
  }

  /**
   * @param requested the request's model: null, blank or {@code auto} for the scope's policy
   * @throws UnknownModelException a name that is no model, alias or {@code auto:<policy>}
   * @throws UnknownPolicyException {@code auto:<name>} naming no policy or alias
   * @throws ModelNotServedException a catalog model of another provider
   */
  Plan plan(String requestType, String application, String requested) {
    String name = requested == null ? "" : requested.strip();
    if (name.isEmpty() || name.equals(CallRequest.AUTO)) {
      return scopePlan(requestType, application);
    }
    if (name.startsWith(AUTO_PREFIX)) {
      return named(name.substring(AUTO_PREFIX.length()), requestType, application);
    }
    Optional<ModelSpec> model = catalog.find(name);
    if (model.isPresent()) {
      served(model.get());
      return new Plan(Policy.STATIC, List.of(name), null, "request");
    }
    PolicySpec alias = properties.aliases().get(name);
    if (alias != null) {
      return plan(alias, requestType, "alias");
    }
    throw new UnknownModelException(name, catalog.all().stream().map(ModelSpec::name).toList());
  }

  /**
   * What {@code auto} (or no model) gets on this request type and application: the application's
   * policy, else the model chosen for the endpoint at run time (measured against what the
   * configuration would call), else the configured endpoint policy or model.
   */
  Plan scopePlan(String requestType, String application) {
    PolicySpec forApplication =
        application == null ? null : properties.applications().get(application);
    if (forApplication != null) {
      return plan(forApplication, requestType, "application");
    }
    Optional<String> chosen = choices.model(requestType);
    if (chosen.isPresent()) {
      Plan configured = configuredPlan(requestType);
      String reference =
          configured.reference() != null ? configured.reference() : configured.first();
      return new Plan(Policy.STATIC, List.of(chosen.get()), reference, CHOICE);
    }
    return configuredPlan(requestType);
  }

  private Plan configuredPlan(String requestType) {
    PolicySpec forEndpoint = properties.policies().get(requestType);
    if (forEndpoint != null) {
      return plan(forEndpoint, requestType, "endpoint");
    }
    String perEndpoint = properties.models().get(requestType);
    return perEndpoint != null
        ? new Plan(Policy.STATIC, List.of(perEndpoint), null, "endpoint")
        : new Plan(Policy.STATIC, List.of(properties.defaultModel()), null, "default");
  }

  /**
   * The configured policies by kind of scope ({@code policies}, {@code applications}, {@code
   * aliases}).
   */
  Map<String, Map<String, PolicySpec>> configured() {
    return Map.of(
        "policies", properties.policies(),
        "applications", properties.applications(),
        "aliases", properties.aliases());
  }

  Plan plan(PolicySpec spec, String requestType, String reason) {
    String staticModel = staticModel(requestType);
    return switch (spec.policy()) {
      case STATIC ->
          new Plan(
              Policy.STATIC,
              List.of(spec.models().isEmpty() ? staticModel : spec.models().getFirst()),
              null,
              reason);
      case CASCADE -> {
        List<String> chain = spec.models().isEmpty() ? defaultChain(staticModel) : spec.models();
        yield new Plan(Policy.CASCADE, chain, chain.getLast(), reason);
      }
      case CHEAPEST_THAT_HOLDS -> {
        List<String> candidates =
            spec.models().isEmpty() ? cheaperOrEqual(staticModel) : byPrice(spec.models());
        String reference = spec.reference() != null ? spec.reference() : candidates.getLast();
        if (!candidates.contains(reference)) {
          candidates = byPrice(Stream.concat(candidates.stream(), Stream.of(reference)).toList());
        }
        yield new Plan(Policy.CHEAPEST_THAT_HOLDS, candidates, reference, reason);
      }
    };
  }

  private Plan named(String name, String requestType, String application) {
    PolicySpec alias = properties.aliases().get(name);
    if (alias != null) {
      return plan(alias, requestType, "alias");
    }
    Policy policy =
        Policy.of(name)
            .orElseThrow(
                () -> {
                  var known = new ArrayList<String>(properties.aliases().keySet());
                  Stream.of(Policy.values()).map(Policy::label).forEach(known::add);
                  return new UnknownPolicyException(name, known);
                });
    // the scope's own candidates when its policy lists some, else the endpoint's defaults
    Plan scope = scopePlan(requestType, application);
    List<String> models = scope.policy() == Policy.STATIC ? List.of() : scope.candidates();
    return plan(new PolicySpec(policy, models, scope.reference()), requestType, "request");
  }

  private String staticModel(String requestType) {
    return properties.models().getOrDefault(requestType, properties.defaultModel());
  }

  /** The cheapest model of the reference's provider, then the reference. */
  private List<String> defaultChain(String reference) {
    List<String> cheaper = cheaperOrEqual(reference);
    return cheaper.getFirst().equals(reference)
        ? List.of(reference)
        : List.of(cheaper.getFirst(), reference);
  }

  /** The reference and every served model of its provider priced below it, cheapest first. */
  private List<String> cheaperOrEqual(String reference) {
    ModelSpec ref = catalog.require(reference);
    return byPrice(
        catalog.all().stream()
            .filter(m -> m.provider().equals(ref.provider()) && provider.serves(m.provider()))
            .filter(m -> price(m) <= price(ref))
            .map(ModelSpec::name)
            .toList());
  }

  /** Cheapest first, by input plus output price per 1M tokens (first tier). */
  List<String> byPrice(List<String> models) {
    return models.stream()
        .distinct()
        .sorted(Comparator.comparingDouble((String m) -> price(catalog.require(m))))
        .toList();
  }

  static double price(ModelSpec m) {
    var tier = m.prices().getFirst();
    return tier.inputPerMillion() + tier.outputPerMillion();
  }

  private void served(ModelSpec model) {
    if (!provider.serves(model.provider())) {
      throw new ModelNotServedException(
          model.name(), model.provider(), provider.name().toLowerCase(Locale.ROOT));
    }
  }

  private void check(String kind, Map<String, PolicySpec> specs) {
    specs.forEach(
        (name, spec) -> {
          var named = new ArrayList<>(spec.models());
          if (spec.reference() != null) {
            named.add(spec.reference());
          }
          for (String model : named) {
            String where = "lrcp.routing." + kind + "." + name;
            ModelSpec found =
                catalog
                    .find(model)
                    .orElseThrow(
                        () -> new IllegalStateException(where + ": unknown model " + model));
            if (!provider.serves(found.provider())) {
              throw new IllegalStateException(
                  where
                      + ": "
                      + model
                      + " belongs to provider "
                      + found.provider()
                      + ", not served by the configured "
                      + provider.name().toLowerCase(Locale.ROOT)
                      + " provider");
            }
          }
        });
  }
}
