package dev.lrcp.incident;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incident detection and delivery settings ({@code LRCP_INCIDENTS_*}).
 *
 * @param evaluateEvery how often rules run (0 = never; tests call the evaluator directly)
 * @param window the current window every rule looks at
 * @param baseline the trailing window before it, used by the cost rule and attribution
 * @param recovery how long a condition must stay clear before the incident resolves itself
 * @param minRequests calls a scope needs in the window before any rule judges it
 * @param samples sample calls kept as evidence
 * @param countEvery how often {@code OpenIncidentsCounted} is published (0 = never)
 * @param retention how long resolved incidents are kept
 * @param dashboardId Datadog dashboard id for links; without it links open the dashboard list
 * @param thresholds per rule, over its default ({@link Rule}), e.g. {@code
 *     LRCP_INCIDENTS_THRESHOLDS_LATENCY_SLO=2500}
 * @param disabled rules that never run, e.g. {@code LRCP_INCIDENTS_DISABLED=cost_spike}
 */
@ConfigurationProperties("lrcp.incidents")
public record IncidentProperties(
    @DefaultValue("5s") Duration evaluateEvery,
    @DefaultValue("2m") Duration window,
    @DefaultValue("30m") Duration baseline,
    @DefaultValue("2m") Duration recovery,
    @DefaultValue("10") int minRequests,
    @DefaultValue("5") int samples,
    @DefaultValue("10s") Duration countEvery,
    @DefaultValue("90d") Duration retention,
    String dashboardId,
    Map<Rule, Double> thresholds,
    Set<Rule> disabled,
    @DefaultValue Delivery delivery) {

  public IncidentProperties {
    var merged = new EnumMap<Rule, Double>(Rule.class);
    for (Rule rule : Rule.values()) {
      merged.put(rule, rule.defaultThreshold());
    }
    if (thresholds != null) {
      merged.putAll(thresholds);
    }
    thresholds = Collections.unmodifiableMap(merged);
    disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
  }

  /** The threshold of {@code rule}: configured, else its default. */
  public double threshold(Rule rule) {
    return thresholds.get(rule);
  }

  public boolean enabled(Rule rule) {
    return rule != Rule.MANUAL && !disabled.contains(rule);
  }

  /**
   * Outbox delivery to Datadog: polled every {@code every}; a failure waits {@code backoff},
   * doubling up to {@code maxBackoff}. {@code datadogApiUrl} defaults to {@code
   * https://api.<DD_SITE>}; tests point it at a local stub.
   */
  public record Delivery(
      @DefaultValue("5s") Duration every,
      @DefaultValue("5s") Duration backoff,
      @DefaultValue("10m") Duration maxBackoff,
      String datadogApiUrl) {}
}
