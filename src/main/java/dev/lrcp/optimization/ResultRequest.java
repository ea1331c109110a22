package dev.lrcp.optimization;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /optimization/recommendations/{id}/record-result}, the original's body. Costs, the
 * request count and the confidence are computed from the call records when absent.
 */
record ResultRequest(
    @Size(max = 64) String recommendationId,
    @Min(1) @Max(90) Integer periodDays,
    @PositiveOrZero Double beforeCost,
    @PositiveOrZero Double afterCost,
    @PositiveOrZero Long requestCount,
    @PositiveOrZero @DecimalMax("1.0") Double confidenceScore) {

  static final ResultRequest NONE = new ResultRequest(null, null, null, null, null, null);

  int days() {
    return periodDays == null ? 7 : periodDays;
  }
}
