package dev.lrcp.incident;

import java.util.Locale;

/**
 * The kinds of incident, each with the default threshold of its statistic (docs/incidents.md);
 * {@link #MANUAL} is opened by a person through the API.
 */
public enum Rule {
  /** p95 latency in ms above the SLO. */
  LATENCY_SLO(3000),
  /** Share of calls that failed. */
  ERROR_RATE(0.05),
  /** Retries per call. */
  RETRY_STORM(0.5),
  /** Robust z-score of cost per call against the per-minute baseline. */
  COST_SPIKE(3.5),
  /** Mean grounding score below the threshold. */
  QUALITY_DROP(0.5),
  /** Drop of grounding (or answer relevance) found by CUSUM over the look-back, in score units. */
  QUALITY_DRIFT(dev.lrcp.drift.QualityDrift.MIN_DROP),
  /** Share of calls flagged as prompt injection. */
  SECURITY_ATTACK(0.1),
  /** Share of calls flagged as token abuse. */
  TOKEN_ABUSE(0.1),
  MANUAL(Double.NaN);

  private final double defaultThreshold;

  Rule(double defaultThreshold) {
    this.defaultThreshold = defaultThreshold;
  }

  double defaultThreshold() {
    return defaultThreshold;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Rule of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
