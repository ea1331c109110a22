package dev.lrcp.incident;

import java.util.Locale;

/** The kinds of incident; {@link #MANUAL} is opened by a person through the API. */
public enum Rule {
  LATENCY_SLO,
  ERROR_RATE,
  RETRY_STORM,
  COST_SPIKE,
  QUALITY_DROP,
  SECURITY_ATTACK,
  TOKEN_ABUSE,
  MANUAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Rule of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
