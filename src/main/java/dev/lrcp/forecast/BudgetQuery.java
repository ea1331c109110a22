package dev.lrcp.forecast;

import java.time.Instant;

/**
 * A budget to project: the spend of one application's or one virtual key's calls (exactly one of
 * the two is set) in a period that ends at {@code periodEnd}, of which {@code spentUsd} is spent.
 */
public record BudgetQuery(
    String application, String key, Instant periodEnd, double limitUsd, double spentUsd) {

  public BudgetQuery {
    if ((application == null) == (key == null)) {
      throw new IllegalArgumentException("a budget belongs to an application or a key");
    }
  }
}
