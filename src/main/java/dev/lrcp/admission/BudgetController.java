package dev.lrcp.admission;

import dev.lrcp.forecast.BudgetOutlook;
import dev.lrcp.forecast.BudgetQuery;
import dev.lrcp.forecast.LiveForecasts;
import dev.lrcp.llm.CallTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /budgets}: every budget of the current day and month, with what is spent (reported by
 * every replica, plus this replica's spend not yet reported), what is left, and when it runs out at
 * the rate the spend forecast projects. A caller with a virtual key sees only its key's and its
 * application's budgets.
 */
@RestController
@Tag(name = "budgets")
class BudgetController {

  private final KeyDirectory directory;
  private final Ledger ledger;
  private final Allowances allowances;
  private final LiveForecasts forecasts;
  private final Clock clock;

  BudgetController(
      KeyDirectory directory,
      Ledger ledger,
      Allowances allowances,
      LiveForecasts forecasts,
      Clock clock) {
    this.directory = directory;
    this.ledger = ledger;
    this.allowances = allowances;
    this.forecasts = forecasts;
    this.clock = clock;
  }

  /**
   * One budget in its current window.
   *
   * @param reservedUsd held by replicas for calls in flight and as leases, beyond what is spent
   * @param usedPercent spent over limit
   * @param projection the spend at the period's end and when the limit is reached (80 % intervals),
   *     from the forecast of the key's or application's hourly spend
   */
  record BudgetView(
      String subjectType,
      String subject,
      String application,
      String window,
      String period,
      double limitUsd,
      double spentUsd,
      double reservedUsd,
      double remainingUsd,
      double usedPercent,
      Instant resetsAt,
      BudgetOutlook projection) {}

  record Budgets(Instant at, List<BudgetView> budgets) {}

  @Operation(summary = "Budgets of keys and applications: spend and what is left")
  @GetMapping("/budgets")
  Budgets budgets(CallTags caller) {
    Instant now = clock.instant();
    var views = new ArrayList<BudgetView>();
    for (VirtualKey key : directory.all()) {
      boolean visible = caller.key() == null || caller.key().equals(key.id());
      if (visible && !key.revoked()) {
        add(views, Quota.Subject.key(key), key.limits(), now);
      }
    }
    var own = caller.key() == null ? null : directory.key(caller.key()).orElse(null);
    directory
        .applications()
        .forEach(
            (application, limits) -> {
              if (own == null || application.equals(own.application())) {
                add(views, Quota.Subject.application(application), limits, now);
              }
            });
    return new Budgets(now, views);
  }

  private void add(List<BudgetView> views, Quota.Subject s, Limits limits, Instant now) {
    if (limits.budgetDayNusd() != null) {
      views.add(view(Windows.day(s, limits.budgetDayNusd(), now)));
    }
    if (limits.budgetMonthNusd() != null) {
      views.add(view(Windows.month(s, limits.budgetMonthNusd(), now)));
    }
  }

  private BudgetView view(Quota q) {
    var row = ledger.read(q.scope(), q.ledgerPeriod());
    long spent = row.spent() + allowances.unreported(q);
    long reserved = Math.max(0, row.committed() - spent);
    var s = q.subject();
    var query =
        new BudgetQuery(
            s.type().equals("application") ? s.id() : null,
            s.type().equals("key") ? s.id() : null,
            Instant.ofEpochMilli(q.resetAtMs()),
            Money.usd(q.limit()),
            Money.usd(spent));
    return new BudgetView(
        q.subject().type(),
        q.subject().name(),
        q.subject().application(),
        q.window(),
        q.period(),
        Money.usd(q.limit()),
        Money.usd(spent),
        Money.usd(reserved),
        Money.usd(Math.max(0, q.limit() - spent)),
        q.limit() == 0 ? 0 : Math.round(spent * 1000.0 / q.limit()) / 10.0,
        Instant.ofEpochMilli(q.resetAtMs()),
        forecasts.outlook(query));
  }
}
