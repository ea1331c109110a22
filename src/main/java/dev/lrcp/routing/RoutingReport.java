package dev.lrcp.routing;

import dev.lrcp.storage.CallRecordRepository.RoutingTotals;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /routing}: the policies in force, active overrides and model choices, each model's
 * live record per endpoint, and what routing saved over a window of stored calls.
 *
 * @param statsWindow the live statistics' window ({@code lrcp.routing.holds.window})
 * @param modelChoices models chosen per endpoint at run time, in force ({@code removed_at} null)
 *     and cleared, newest first
 */
record RoutingReport(
    String statsWindow,
    List<PolicyView> policies,
    List<RoutingOverride> overrides,
    List<ModelChoice> modelChoices,
    List<ModelLive> live,
    Savings savings,
    Instant generatedAt) {

  /**
   * A policy as configured or in force.
   *
   * @param scope {@code endpoint} (what {@code auto} gets there), {@code application} or {@code
   *     alias}
   * @param source {@code configuration}, or {@code choice} when a model chosen at run time decides
   * @param candidates empty for an application or alias without models: the endpoint's defaults
   */
  record PolicyView(
      String scope,
      String name,
      String policy,
      List<String> candidates,
      String referenceModel,
      String source) {}

  /** One model's last {@code statsWindow} on one endpoint. */
  record ModelLive(
      String endpoint,
      String model,
      int requests,
      Double meanQuality,
      Double qualityLow,
      Double qualityHigh,
      int scoredAnswers,
      double errorRate,
      Double p95LatencyMs,
      double costPerRequestUsd) {}

  /** Realised savings over {@code window} of stored calls, per endpoint and policy. */
  record Savings(
      String window,
      Instant from,
      Instant to,
      List<RoutingTotals> byEndpointAndPolicy,
      long calls,
      long escalations,
      double costUsd,
      double savingsUsd) {}
}
