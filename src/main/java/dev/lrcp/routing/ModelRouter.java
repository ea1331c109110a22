package dev.lrcp.routing;

import dev.lrcp.flow.CallRecord.Routing;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.health.HealthWindows;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides each call's model: a runtime override of its scope, else its {@link Plan}'s policy
 * ({@code static}, {@code cheapest-that-holds} over live statistics, or the first model of a {@code
 * cascade}). Stateless per call: the decision is a value put on the call, never written into a
 * shared client (the original's race).
 */
@Component
public class ModelRouter {

  /** Where overrides come from (the database-backed {@link Overrides} in the service). */
  @FunctionalInterface
  interface OverrideLookup {
    Optional<RoutingOverride> find(String endpoint, String application);
  }

  /** Where per-model statistics come from (the live windows in the service). */
  @FunctionalInterface
  interface StatsLookup {
    Map<String, ModelStats> of(String endpoint, List<String> models);
  }

  /** Each thread's own generator: one shared instance would contend, or need a lock. */
  static final RandomGenerator THREAD_LOCAL = () -> ThreadLocalRandom.current().nextLong();

  private final RoutingPolicies policies;
  private final OverrideLookup overrides;
  private final StatsLookup stats;
  private final CheapestThatHolds holds;

  @Autowired
  ModelRouter(
      RoutingPolicies policies,
      Overrides overrides,
      HealthWindows windows,
      RoutingProperties properties,
      Clock clock) {
    this(
        policies,
        overrides::find,
        new LiveStats(windows, properties, clock)::of,
        new CheapestThatHolds(properties.holds(), THREAD_LOCAL));
  }

  ModelRouter(
      RoutingPolicies policies,
      OverrideLookup overrides,
      StatsLookup stats,
      CheapestThatHolds holds) {
    this.policies = policies;
    this.overrides = overrides;
    this.stats = stats;
    this.holds = holds;
  }

  /**
   * @throws UnknownModelException, UnknownPolicyException, ModelNotServedException for a request
   *     naming what cannot be called (even when an override would decide)
   */
  Routing decide(CallRequest request) {
    String application = request.tags().application();
    Plan plan = policies.plan(request.requestType(), application, request.model());
    Optional<RoutingOverride> override = overrides.find(request.endpoint(), application);
    if (override.isPresent()) {
      return overridden(override.get(), plan);
    }
    return switch (plan.policy()) {
      case STATIC ->
          new Routing(
              Policy.STATIC.label(),
              plan.reason(),
              plan.candidates(),
              plan.first(),
              plan.reference(),
              null,
              0,
              null,
              plan.first() + " (" + plan.reason() + ")");
      case CASCADE ->
          new Routing(
              Policy.CASCADE.label(),
              "cascade",
              plan.candidates(),
              plan.first(),
              plan.reference(),
              null,
              0,
              null,
              plan.first() + " first; escalates along " + String.join(" > ", plan.candidates()));
      case CHEAPEST_THAT_HOLDS -> cheapest(request.endpoint(), plan);
    };
  }

  private Routing cheapest(String endpoint, Plan plan) {
    var choice =
        holds.choose(plan.candidates(), plan.reference(), stats.of(endpoint, plan.candidates()));
    return new Routing(
        Policy.CHEAPEST_THAT_HOLDS.label(),
        choice.reason(),
        plan.candidates(),
        choice.model(),
        plan.reference(),
        null,
        0,
        null,
        choice.detail());
  }

  /** Savings of an override are measured against what the scope's policy would have called. */
  private static Routing overridden(RoutingOverride o, Plan plan) {
    String reference = plan.reference() != null ? plan.reference() : plan.first();
    return new Routing(
        "override",
        "override",
        List.of(o.model()),
        o.model(),
        reference,
        null,
        0,
        o.id(),
        "override "
            + o.id()
            + " ("
            + o.reason()
            + ") instead of "
            + plan.policy().label()
            + " "
            + plan.first());
  }
}
