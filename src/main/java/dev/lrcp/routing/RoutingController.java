package dev.lrcp.routing;

import dev.lrcp.health.HealthWindows;
import dev.lrcp.llm.LlmProperties;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import dev.lrcp.storage.CallRecordRepository;
import dev.lrcp.storage.CallRecordRepository.RoutingTotals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /routing}: what decides each call's model and what it has saved. */
@RestController
@Tag(name = "routing")
class RoutingController {

  static final Duration LONGEST_WINDOW = Duration.ofDays(30);
  static final int CHOICES_SHOWN = 20;
  private static final String CONFIGURATION = "configuration";

  private final RoutingPolicies policies;
  private final Overrides overrides;
  private final ModelChoices choices;
  private final LiveStats stats;
  private final CallRecordRepository records;
  private final ModelCatalog catalog;
  private final LlmProperties.Provider provider;
  private final Clock clock;

  RoutingController(
      RoutingPolicies policies,
      Overrides overrides,
      ModelChoices choices,
      HealthWindows windows,
      RoutingProperties properties,
      CallRecordRepository records,
      ModelCatalog catalog,
      LlmProperties llm,
      Clock clock) {
    this.policies = policies;
    this.overrides = overrides;
    this.choices = choices;
    this.stats = new LiveStats(windows, properties, clock);
    this.records = records;
    this.catalog = catalog;
    this.provider = llm.provider();
    this.clock = clock;
  }

  @Operation(
      summary =
          "Routing policies, overrides, model choices, live per-model statistics and realised"
              + " savings",
      description =
          "window (ISO-8601 duration or 15m/24h/7d, default 24h, at most 30 days) is the span of"
              + " stored calls the savings are summed over.")
  @GetMapping("/routing")
  RoutingReport report(@RequestParam(defaultValue = "24h") String window) {
    Duration span = Windows.parse(window, LONGEST_WINDOW);
    Instant now = clock.instant();
    return new RoutingReport(
        Windows.format(stats.window()),
        policyViews(),
        overrides.active(),
        choices.recent(CHOICES_SHOWN),
        live(),
        savings(window, now.minus(span), now),
        now);
  }

  private List<RoutingReport.PolicyView> policyViews() {
    var views = new ArrayList<RoutingReport.PolicyView>();
    for (String endpoint : Endpoints.ALL) {
      Plan plan = policies.scopePlan(Endpoints.requestType(endpoint).orElseThrow(), null);
      views.add(
          new RoutingReport.PolicyView(
              "endpoint",
              endpoint,
              plan.policy().label(),
              plan.candidates(),
              plan.reference(),
              plan.reason().equals(RoutingPolicies.CHOICE) ? "choice" : CONFIGURATION));
    }
    Map<String, Map<String, PolicySpec>> configured = policies.configured();
    add(views, "application", configured.get("applications"));
    add(views, "alias", configured.get("aliases"));
    return views;
  }

  private static void add(
      List<RoutingReport.PolicyView> views, String scope, Map<String, PolicySpec> specs) {
    specs.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                views.add(
                    new RoutingReport.PolicyView(
                        scope,
                        e.getKey(),
                        e.getValue().policy().label(),
                        e.getValue().models(),
                        e.getValue().reference(),
                        CONFIGURATION)));
  }

  /** Every served model with calls on an endpoint, plus the candidates of its policy. */
  private List<RoutingReport.ModelLive> live() {
    List<String> served =
        catalog.all().stream()
            .filter(m -> provider.serves(m.provider()))
            .map(ModelSpec::name)
            .toList();
    var rows = new ArrayList<RoutingReport.ModelLive>();
    for (String endpoint : Endpoints.ALL) {
      var candidates =
          policies.scopePlan(Endpoints.requestType(endpoint).orElseThrow(), null).candidates();
      var models = new LinkedHashSet<>(candidates);
      models.addAll(served);
      Map<String, ModelStats> byModel = stats.read(endpoint, List.copyOf(models));
      for (String model : models) {
        ModelStats s = byModel.getOrDefault(model, ModelStats.NONE);
        if (s.requests() > 0 || candidates.contains(model)) {
          rows.add(row(endpoint, model, s));
        }
      }
    }
    return rows;
  }

  private static RoutingReport.ModelLive row(String endpoint, String model, ModelStats s) {
    double[] ci = s.qualityInterval();
    return new RoutingReport.ModelLive(
        endpoint,
        model,
        s.requests(),
        s.meanQuality(),
        ci == null ? null : ci[0],
        ci == null ? null : ci[1],
        s.scored(),
        s.errorRate(),
        s.p95LatencyMs(),
        s.costPerRequestUsd());
  }

  private RoutingReport.Savings savings(String window, Instant from, Instant to) {
    List<RoutingTotals> rows = records.routingTotals(from, to);
    return new RoutingReport.Savings(
        window,
        from,
        to,
        rows,
        rows.stream().mapToLong(RoutingTotals::calls).sum(),
        rows.stream().mapToLong(RoutingTotals::escalations).sum(),
        rows.stream().mapToDouble(RoutingTotals::costUsd).sum(),
        rows.stream().mapToDouble(RoutingTotals::savingsUsd).sum());
  }
}
