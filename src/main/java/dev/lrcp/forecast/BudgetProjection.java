package dev.lrcp.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * Where a month's spend is heading: spent so far, the projected total with its 80 % interval, and
 * when the budget runs out (null: not within the month; the bounds likewise). The interval of the
 * total adds the per-step bounds, treating errors as fully correlated: wider, never narrower, than
 * the truth.
 */
record BudgetProjection(
    YearMonth month,
    double budget,
    double spent,
    double projected,
    double projectedLower80,
    double projectedUpper80,
    LocalDate runsOutOn,
    LocalDate runsOutEarliest80,
    LocalDate runsOutLatest80) {

  /** "monthly spend reaches $X; budget runs out on <date> (80 % interval)". */
  String summary() {
    String total =
        String.format(
            Locale.ROOT,
            "%s spend reaches $%.2f (80 %%: $%.2f to $%.2f)",
            month,
            projected,
            projectedLower80,
            projectedUpper80);
    if (runsOutOn == null && runsOutEarliest80 == null) {
      return total + String.format(Locale.ROOT, "; the $%.2f budget lasts the month", budget);
    }
    return total
        + String.format(
            Locale.ROOT,
            "; the $%.2f budget runs out on %s (80 %%: %s to %s)",
            budget,
            runsOutOn == null ? "no date this month" : runsOutOn,
            runsOutEarliest80,
            runsOutLatest80 == null ? "after the month" : runsOutLatest80);
  }
}
