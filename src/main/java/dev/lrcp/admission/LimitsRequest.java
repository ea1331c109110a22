package dev.lrcp.admission;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/** An application's budgets and rate limits ({@code PUT /admin/applications/{application}}). */
record LimitsRequest(
    @DecimalMin(value = "0", inclusive = false) Double budgetUsdPerDay,
    @DecimalMin(value = "0", inclusive = false) Double budgetUsdPerMonth,
    @Min(1) Long rpmLimit,
    @Min(1) Long tpmLimit) {

  Limits limits() {
    return Limits.ofUsd(budgetUsdPerDay, budgetUsdPerMonth, rpmLimit, tpmLimit);
  }
}
