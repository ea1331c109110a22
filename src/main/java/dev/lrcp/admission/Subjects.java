package dev.lrcp.admission;

import java.util.ArrayList;
import java.util.List;

/**
 * The quotas that apply to one call in the current windows: its key's and its application's.
 *
 * @param key the call's virtual key, or null
 */
record Subjects(VirtualKey key, List<Quota> requests, List<Quota> tokens, List<Quota> budgets) {

  /** A call without a key whose application has no limits. */
  static final Subjects NONE = new Subjects(null, List.of(), List.of(), List.of());

  static Subjects of(VirtualKey key, String application, Limits appLimits, long nowMs) {
    var requests = new ArrayList<Quota>(2);
    var tokens = new ArrayList<Quota>(2);
    var budgets = new ArrayList<Quota>(4);
    if (key != null) {
      add(Quota.Subject.key(key), key.limits(), nowMs, requests, tokens, budgets);
    }
    if (application != null) {
      add(Quota.Subject.application(application), appLimits, nowMs, requests, tokens, budgets);
    }
    return new Subjects(key, requests, tokens, budgets);
  }

  private static void add(
      Quota.Subject s,
      Limits l,
      long nowMs,
      List<Quota> requests,
      List<Quota> tokens,
      List<Quota> budgets) {
    if (l.rpm() != null) {
      requests.add(Windows.minute(s, Quota.Kind.REQUESTS, l.rpm(), nowMs));
    }
    if (l.tpm() != null) {
      tokens.add(Windows.minute(s, Quota.Kind.TOKENS, l.tpm(), nowMs));
    }
    var now = java.time.Instant.ofEpochMilli(nowMs);
    if (l.budgetDayNusd() != null) {
      budgets.add(Windows.day(s, l.budgetDayNusd(), now));
    }
    if (l.budgetMonthNusd() != null) {
      budgets.add(Windows.month(s, l.budgetMonthNusd(), now));
    }
  }

  boolean limitsAnything() {
    return !requests.isEmpty()
        || !tokens.isEmpty()
        || !budgets.isEmpty()
        || (key != null && !key.models().isEmpty());
  }
}
