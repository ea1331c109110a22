package dev.lrcp.admission;

/**
 * Budgets and rate limits of a key or an application; a null field is no limit.
 *
 * @param budgetDayNusd USD per UTC day, in nano-USD
 * @param budgetMonthNusd USD per UTC month, in nano-USD
 * @param rpm requests per minute
 * @param tpm tokens (input plus output) per minute
 */
record Limits(Long budgetDayNusd, Long budgetMonthNusd, Long rpm, Long tpm) {

  static final Limits NONE = new Limits(null, null, null, null);

  static Limits ofUsd(Double day, Double month, Long rpm, Long tpm) {
    return new Limits(Money.nanos(day), Money.nanos(month), rpm, tpm);
  }

  boolean any() {
    return budgetDayNusd != null || budgetMonthNusd != null || rpm != null || tpm != null;
  }
}
