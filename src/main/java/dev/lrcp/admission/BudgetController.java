package dev.lrcp.admission;

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
 * every replica, plus this replica's spend not yet reported) and what is left. A caller with a
 * virtual key sees only its key's and its application's budgets.
 */
@RestController
@Tag(name = "budgets")
class BudgetController {

  private final KeyDirectory directory;
  private final Ledger ledger;
  private final Allowances allowances;
  private final Clock clock;

  BudgetController(KeyDirectory directory, Ledger ledger, Allowances allowances, Clock clock) {
    this.directory = directory;
    this.ledger = ledger;
    this.allowances = allowances;
    this.clock = clock;
  }

  /**
   * One budget in its current window.
   *
   * @param reservedUsd held by replicas for calls in flight and as leases, beyond what is spent
   * @param usedPercent spent over limit
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
      Instant resetsAt) {}

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
        Instant.ofEpochMilli(q.resetAtMs()));
  }
}
