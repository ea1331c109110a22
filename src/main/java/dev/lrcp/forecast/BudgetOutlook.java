package dev.lrcp.forecast;

import java.time.Instant;

/**
 * When a budget runs out at the rate the forecast projects: the spend projected at the period's end
 * with its 80 % interval, and the time the spend reaches the limit with its 80 % interval (null:
 * not within the period). All numbers are null, and {@code note} says why, when there is no history
 * to forecast from.
 *
 * @param runsOutEarliest80 when the upper 80 % bound of spend reaches the limit
 * @param runsOutLatest80 when the lower 80 % bound does (null: after the period)
 * @param method the forecast's method ({@code holt_winters_daily}, {@code drift}, ...)
 * @param note why a simpler method was used or nothing could be projected, else null
 */
public record BudgetOutlook(
    Double projectedUsd,
    Double projectedLower80Usd,
    Double projectedUpper80Usd,
    Instant runsOutAt,
    Instant runsOutEarliest80,
    Instant runsOutLatest80,
    String method,
    String note) {

  static BudgetOutlook unavailable(String why) {
    return new BudgetOutlook(null, null, null, null, null, null, null, why);
  }
}
