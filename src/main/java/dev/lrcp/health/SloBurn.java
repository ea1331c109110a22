package dev.lrcp.health;

/**
 * How fast a window spends the error budgets of the two SLOs: 1 spends exactly the budget (the
 * objective is just met), above 1 the objective is breached. Latency: the share of calls slower
 * than the p95 objective over the 5 % the objective allows (null when unknown: supplied aggregates
 * carry no latency distribution); availability: the error rate over the error-rate objective.
 */
public record SloBurn(Double latency, double availability) {

  /** The worse of the two. */
  double worst() {
    return latency == null ? availability : Math.max(latency, availability);
  }
}
