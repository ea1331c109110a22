package dev.lrcp.incident;

import dev.lrcp.anomaly.Attribution;
import dev.lrcp.anomaly.Cause;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.ModelSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What to do next, written for the rule that fired and for what the attribution found. The first
 * step acts on the leading cause when the attribution is confident enough to name one; a step that
 * switches a model carries an {@link Incident.Action} the service can apply itself.
 */
final class Runbooks {

  /** The steps, and the actions some of them carry (by step number, from 1). */
  record Runbook(List<String> steps, List<Incident.Action> actions) {}

  /** A step's text and, when the service can carry it out, its action (step number not yet set). */
  private record Step(String text, Incident.Action action) {

    Step after(String lead) {
      return new Step(lead + text, action);
    }
  }

  private static final double CONFIDENT = 0.5;

  /** A model explaining this much of the change is worth switching away from. */
  private static final double CARRIES = 0.8;

  /** Rules a model switch can relieve. */
  private static final java.util.Set<Rule> MODEL_RULES =
      java.util.EnumSet.of(Rule.LATENCY_SLO, Rule.ERROR_RATE, Rule.RETRY_STORM, Rule.COST_SPIKE);

  private static final Map<String, String> STATUS_PAGES =
      Map.of("google", "https://status.cloud.google.com", "openai", "https://status.openai.com");

  private final ModelCatalog catalog;

  Runbooks(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  Runbook runbook(Finding f, Attribution a, List<CallRecord> window) {
    var steps = new ArrayList<String>();
    var actions = new ArrayList<Incident.Action>();
    boolean confident = a.confidence() >= CONFIDENT;
    Optional<Cause> cause = confident ? a.top() : Optional.empty();
    cause.ifPresent(c -> add(steps, actions, actOn(f, a, c, window)));
    if (cause.filter(c -> c.dimension().equals("model")).isEmpty()
        && MODEL_RULES.contains(f.rule())) {
      (confident ? modelCause(f, a, window) : Optional.<Step>empty())
          .or(() -> scopeModel(f, window))
          .ifPresent(s -> add(steps, actions, s));
    }
    steps.addAll(ruleSteps(f, window));
    steps.add(
        "Open the sample traces in the evidence; the incident resolves itself once the condition"
            + " stays clear for the recovery period.");
    return new Runbook(steps, actions);
  }

  private static void add(List<String> steps, List<Incident.Action> actions, Step step) {
    steps.add(step.text());
    Incident.Action x = step.action();
    if (x != null) {
      actions.add(
          new Incident.Action(
              steps.size(), x.kind(), x.endpoints(), x.fromModel(), x.toModel(), null));
    }
  }

  private Step actOn(Finding f, Attribution a, Cause c, List<CallRecord> window) {
    // the summary's first clause names the leading cause; the rest is for reading, not acting
    String lead = capitalise(a.summary().split("; ", 2)[0]) + ": ";
    if (c.dimension().equals("model")) {
      return switchModel(c.value(), endpointsOf(c.value(), window), f.rule()).after(lead);
    }
    return new Step(
        lead
            + switch (c.dimension()) {
              case "provider" ->
                  "fail over to another provider's model and check " + statusPage(c.value()) + ".";
              case "endpoint" -> endpointAction(f.rule(), c.value());
              case "prompt_size" ->
                  "cap the document/context size for these prompts (truncate or summarise before"
                      + " the call) or route them to a long-context model with lower latency.";
              case "traffic" ->
                  "injected".equals(c.value())
                      ? "these calls are drills (simulate_* toggles or /stress) and organic traffic"
                          + " is not affected: stop the drill, or use it to rehearse the steps"
                          + " below."
                      : "organic traffic carries it, so real users are affected.";
              case "application" ->
                  "ask the owners of application "
                      + c.value()
                      + " what changed in its requests, or rate-limit it (X-LRCP-Application).";
              default -> "see the failure kinds below.";
            },
        null);
  }

  /** The model the attribution names after its leading cause, when it carries the change. */
  private Optional<Step> modelCause(Finding f, Attribution a, List<CallRecord> window) {
    return a.causes().stream()
        .skip(1)
        .filter(c -> c.dimension().equals("model") && c.explanatoryPower() >= CARRIES)
        .findFirst()
        .map(
            c ->
                switchModel(c.value(), scopeEndpoints(f, c.value(), window), f.rule())
                    .after(
                        String.format(
                            Locale.ROOT,
                            "Model %s carries %d%% of the change: ",
                            c.value(),
                            Math.round(Math.min(1, c.explanatoryPower()) * 100))));
  }

  /** Without a confident attribution, act on the model that serves the incident's scope. */
  private Optional<Step> scopeModel(Finding f, List<CallRecord> window) {
    var calls = ScopeSelector.within(window, f.scope());
    var byModel =
        calls.stream()
            .filter(c -> c.model() != null)
            .collect(Collectors.groupingBy(CallRecord::model, Collectors.counting()));
    return byModel.entrySet().stream()
        .filter(e -> e.getValue() >= 0.8 * calls.size())
        .findFirst()
        .map(
            e ->
                switchModel(e.getKey(), scopeEndpoints(f, e.getKey(), window), f.rule())
                    .after(
                        String.format(
                            Locale.ROOT,
                            "%d%% of calls %s are served by %s: ",
                            Math.round(100.0 * e.getValue() / calls.size()),
                            f.scope().phrase(),
                            e.getKey())));
  }

  private static List<String> scopeEndpoints(Finding f, String model, List<CallRecord> window) {
    return f.scope().endpoint() != null
        ? List.of(f.scope().endpoint())
        : endpointsOf(model, window);
  }

  /**
   * Switching the endpoints that a model serves to its fallback: an action the service applies as
   * routing overrides, when there is a fallback and an endpoint to switch.
   */
  private Step switchModel(String model, List<String> endpoints, Rule rule) {
    String where = endpoints.isEmpty() ? "traffic" : String.join(", ", endpoints);
    Optional<ModelSpec> target = alternative(model, rule == Rule.COST_SPIKE);
    String provider = catalog.find(model).map(ModelSpec::provider).orElse("the provider");
    boolean actionable = target.isPresent() && !endpoints.isEmpty();
    String text =
        String.format(
            "switch %s from %s to %s (%s), and check %s.",
            where,
            model,
            target.map(m -> "the fallback model " + m.name()).orElse("another model"),
            actionable
                ? "Apply sets a routing override for "
                    + IncidentActions.DEFAULT_TTL.toMinutes()
                    + " minutes; or set the request's \"model\" or the routing policy"
                : "request body \"model\" or the router's default",
            statusPage(provider));
    Incident.Action action =
        actionable
            ? new Incident.Action(
                0, Incident.Action.SWITCH_MODEL, endpoints, model, target.get().name(), null)
            : null;
    return new Step(text, action);
  }

  /** The next cheaper model of the same provider: usually also faster and the usual fallback. */
  Optional<ModelSpec> alternative(String model, boolean cheapest) {
    var current = catalog.find(model);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    double price = current.get().prices().getFirst().inputPerMillion();
    var cheaper =
        catalog.all().stream()
            .filter(m -> m.provider().equals(current.get().provider()))
            .filter(m -> m.prices().getFirst().inputPerMillion() < price);
    Comparator<ModelSpec> byPrice =
        Comparator.comparingDouble(m -> m.prices().getFirst().inputPerMillion());
    return cheapest ? cheaper.min(byPrice) : cheaper.max(byPrice);
  }

  private static String endpointAction(Rule rule, String endpoint) {
    return switch (rule) {
      case COST_SPIKE, TOKEN_ABUSE ->
          "limit prompt size and repetitions on "
              + endpoint
              + " and rate-limit its heaviest client.";
      case SECURITY_ATTACK ->
          "turn on blocking for flagged prompts on "
              + endpoint
              + " and review the sample prompt ids.";
      case QUALITY_DROP, QUALITY_DRIFT ->
          "check the documents sent to " + endpoint + " (retrieval may return the wrong context).";
      default ->
          "shed or queue load on "
              + endpoint
              + " and check what changed in its requests (size, rate).";
    };
  }

  private List<String> ruleSteps(Finding f, List<CallRecord> window) {
    return switch (f.rule()) {
      case LATENCY_SLO ->
          List.of(
              "Compare time to first token with total latency in the samples: a high TTFT points"
                  + " at provider queueing, a long tail at output length (lower max output tokens).");
      case ERROR_RATE, RETRY_STORM -> failureSteps(f, window);
      case COST_SPIKE ->
          List.of(
              "Compare input tokens of the sample calls with the baseline: long contexts or many"
                  + " repetitions drive cost; enable the router's cost policy for tolerant endpoints.");
      case QUALITY_DROP ->
          List.of(
              "Read the ungrounded samples; if a model change preceded the drop, route back to"
                  + " the previous model for grounded Q&A.");
      case QUALITY_DRIFT ->
          List.of(
              "An early warning: scores are falling but still above the quality-drop threshold."
                  + " Compare the samples (lowest scores since the change) with what changed at"
                  + " its start: a model or prompt release, new documents or retrieval, new kinds"
                  + " of question; roll back or route back before the quality-drop rule fires.");
      case SECURITY_ATTACK ->
          List.of(
              "Review the flagged prompt ids; block the offending client and keep the injection"
                  + " block policy on until the rate falls.");
      case TOKEN_ABUSE ->
          List.of(
              "Rate-limit the clients behind the flagged calls and cap input tokens per request.");
      case MANUAL -> List.of();
    };
  }

  private static List<String> failureSteps(Finding f, List<CallRecord> window) {
    var kinds =
        ScopeSelector.within(window, f.scope()).stream()
            .filter(CallRecord::failed)
            .collect(Collectors.groupingBy(c -> c.failure().tag(), Collectors.counting()));
    long total = kinds.values().stream().mapToLong(Long::longValue).sum();
    var steps = new ArrayList<String>();
    kinds.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(2)
        .forEach(
            e ->
                steps.add(
                    String.format(
                        Locale.ROOT,
                        "%d%% of failures are %s: %s",
                        Math.round(100.0 * e.getValue() / total),
                        e.getKey(),
                        failureAction(e.getKey()))));
    if (f.rule() == Rule.RETRY_STORM) {
      steps.add(
          "Retries multiply load on a struggling provider: lower max attempts or widen the"
              + " backoff, and let the circuit breaker open.");
    }
    return steps;
  }

  private static String failureAction(String failure) {
    return switch (failure) {
      case "rate_limited" ->
          "lower concurrency or request a higher quota; spread load to the fallback model.";
      case "timeout" ->
          "check provider latency; raise the timeout only if p95 allows it, else fail over.";
      case "unavailable", "upstream_error" ->
          "check the provider status page and fail over to the fallback model.";
      case "authentication" -> "the API key was rejected: rotate it (LRCP_*_API_KEY) and redeploy.";
      case "circuit_open" -> "the breaker is shedding load; fix the underlying failures first.";
      default -> "inspect the sample traces for the upstream response.";
    };
  }

  private static List<String> endpointsOf(String model, List<CallRecord> window) {
    return window.stream()
        .filter(c -> model.equals(c.model()))
        .map(CallRecord::endpoint)
        .distinct()
        .sorted()
        .toList();
  }

  private static String statusPage(String provider) {
    return provider
        + " status ("
        + STATUS_PAGES.getOrDefault(provider, "the provider's status page")
        + ")";
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
