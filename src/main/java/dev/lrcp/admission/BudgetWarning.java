package dev.lrcp.admission;

import java.time.Instant;

/**
 * A budget's settled spend crossed a warning level (50, 80 or 95 %), announced once across all
 * replicas (the ledger records the level under its row lock). Telemetry turns it into a metric and,
 * with the Datadog API configured, an event.
 *
 * @param subjectType {@code key} or {@code application}
 * @param subject the key's name or the application
 * @param application the application label of the calls the budget covers, or null
 * @param window {@code day} or {@code month}
 */
public record BudgetWarning(
    Instant at,
    String subjectType,
    String subject,
    String application,
    String window,
    String period,
    int level,
    double spentUsd,
    double limitUsd) {

  static BudgetWarning of(Quota q, Ledger.Reported reported, Instant at) {
    return new BudgetWarning(
        at,
        q.subject().type(),
        q.subject().name(),
        q.subject().application(),
        q.window(),
        q.period(),
        reported.crossedLevel(),
        Money.usd(reported.row().spent()),
        Money.usd(q.limit()));
  }
}
