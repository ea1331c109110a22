package dev.lrcp.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Where a period's spend is heading: spent so far, the projected total at the period's end with its
 * 80 % interval, and when the budget runs out (null: not within the period, or no budget; the 80 %
 * bounds likewise: the earliest from the upper bound of spend, the latest from the lower). The
 * interval of the total adds the per-step bounds, treating errors as fully correlated: wider, never
 * narrower, than the truth.
 *
 * @param budget null when only the spend is projected
 * @param spentOut the budget was spent before the projection started (its time is not known)
 * @param method the forecast's method; {@code note} why it fell back to a simpler one, or null
 */
record BudgetProjection(
    Instant periodEnd,
    Double budget,
    double spent,
    double projected,
    double projectedLower80,
    double projectedUpper80,
    Instant runsOutAt,
    Instant runsOutEarliest80,
    Instant runsOutLatest80,
    boolean spentOut,
    String method,
    String note) {

  /**
   * "2026-11 spend reaches $X (80 %: $a to $b); the $B budget runs out on <date> (80 %: ...)".
   *
   * @param period how the sentence names the period, e.g. {@code 2026-11}
   */
  String summary(String period, ZoneId zone) {
    String total =
        String.format(
            Locale.ROOT,
            "%s spend reaches $%.2f (80 %%: $%.2f to $%.2f)",
            period,
            projected,
            projectedLower80,
            projectedUpper80);
    if (budget == null) {
      return total;
    }
    if (spentOut) {
      return total + String.format(Locale.ROOT, "; the $%.2f budget is spent", budget);
    }
    if (runsOutAt == null && runsOutEarliest80 == null) {
      return total + String.format(Locale.ROOT, "; the $%.2f budget lasts the period", budget);
    }
    return total
        + String.format(
            Locale.ROOT,
            "; the $%.2f budget runs out on %s (80 %%: %s to %s)",
            budget,
            runsOutAt == null ? "no date in the period" : day(runsOutAt, zone),
            day(runsOutEarliest80, zone),
            runsOutLatest80 == null ? "after the period" : day(runsOutLatest80, zone));
  }

  /**
   * The day the budget's last cent is spent: a limit reached exactly at midnight ran out before.
   */
  static LocalDate day(Instant at, ZoneId zone) {
    return at == null ? null : LocalDate.ofInstant(at.minusNanos(1), zone);
  }
}
