package dev.lrcp.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a scope's model is chosen (docs/routing.md). */
public enum Policy {
  /** One configured model: today's behaviour; saves nothing by definition. */
  STATIC,
  /**
   * The cheapest candidate whose live quality, error rate and p95 latency hold against the
   * reference.
   */
  CHEAPEST_THAT_HOLDS,
  /** The cheapest model first; a stronger one when the answer fails a verifier. */
  CASCADE;

  /** The name in configuration, metadata and metric tags, e.g. {@code cheapest-that-holds}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<Policy> of(String label) {
    return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst();
  }
}
