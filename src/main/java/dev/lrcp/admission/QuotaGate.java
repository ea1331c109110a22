package dev.lrcp.admission;

import dev.lrcp.flow.Attempt;
import dev.lrcp.flow.AttemptGate;
import dev.lrcp.flow.Call;
import dev.lrcp.llm.ModelCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataAccessException;

/**
 * Before each model attempt of a call: the key must allow the model, then the attempt reserves its
 * worst-case tokens from each tokens-per-minute limit and its worst-case cost from each budget;
 * after it, each reservation is settled with what the attempt really used. A refused attempt gives
 * back what it had already reserved.
 */
final class QuotaGate implements AttemptGate {

  private final Subjects subjects;
  private final Allowances allowances;
  private final ModelCatalog catalog;
  private final Clock clock;

  QuotaGate(Subjects subjects, Allowances allowances, ModelCatalog catalog, Clock clock) {
    this.subjects = subjects;
    this.allowances = allowances;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** One reservation held for an attempt. */
  private record Held(Allowance allowance, long amount) {}

  @Override
  public Pass enter(Call call, String model) {
    VirtualKey key = subjects.key();
    if (key != null && !key.allows(model)) {
      throw Refusals.modelNotAllowed(key, model);
    }
    long input = Estimates.inputTokens(call.request());
    long output = Estimates.outputTokens(call.request());
    long tokens = input + output;
    long cost = Estimates.worstCostNanos(catalog, model, input, output);
    var held = new ArrayList<Held>(subjects.tokens().size() + subjects.budgets().size());
    try {
      for (Quota q : subjects.tokens()) {
        held.add(new Held(take(q, tokens, held), tokens));
      }
      for (Quota q : subjects.budgets()) {
        held.add(new Held(take(q, cost, held), cost));
      }
    } catch (RuntimeException e) {
      held.forEach(h -> h.allowance().refund(h.amount()));
      throw e;
    }
    return attempt -> settle(held, attempt);
  }

  private Allowance take(Quota q, long amount, List<Held> held) {
    Allowance a;
    try {
      a = allowances.reserve(q, amount);
    } catch (DataAccessException e) {
      throw Refusals.unavailable(q);
    }
    if (a == null) {
      long now = clock.millis();
      throw q.kind() == Quota.Kind.BUDGET
          ? Refusals.budget(q, amount, q.limit() - allowances.remaining(q), now)
          : Refusals.rate(q, amount, now);
    }
    return a;
  }

  private static void settle(List<Held> held, Attempt attempt) {
    long tokens = attempt == null ? 0 : attempt.usage().total();
    long cost = attempt == null ? 0 : Money.nanos(attempt.costUsd());
    for (Held h : held) {
      boolean budget = h.allowance().quota().kind() == Quota.Kind.BUDGET;
      h.allowance().settle(h.amount(), budget ? cost : tokens);
    }
  }
}
