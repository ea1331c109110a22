package dev.lrcp.optimization;

import java.util.List;

/**
 * Published every few minutes: recommendations per kind (a generated one's category, or {@code
 * person}) and status, and their monthly savings. Telemetry turns it into gauges.
 *
 * @param counts one entry per kind, every kind present, zeros included
 */
public record OptimizationCounted(List<Count> counts) {

  /**
   * @param kind {@code cheaper_model}, {@code caching}, ..., or {@code person}
   * @param estimatedMonthlyUsd the sum of the open recommendations' estimates
   * @param realisedMonthlyUsd the sum of the implemented ones' measured savings (over windows of at
   *     most a day either side of implementation; those too new to tell count 0)
   */
  public record Count(
      String kind,
      int open,
      int implemented,
      double estimatedMonthlyUsd,
      double realisedMonthlyUsd) {}
}
