package dev.lrcp.insights;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Locale;

/**
 * Aggregates a caller supplies for analysis; the original's contract (every field optional, 0 by
 * default). Unlike the original, the injection, token-abuse, ungrounded and timeout rates and the
 * trends are used.
 */
@Schema(
    example =
        """
        {"avg_latency_ms": 1200, "error_rate": 0.02, "retry_rate": 0.05, "avg_cost_per_request": 0.008,
         "avg_quality_score": 0.65, "safety_block_rate": 0.03, "avg_input_tokens": 1500,
         "avg_output_tokens": 200, "latency_trend": "increasing"}""")
public record InsightsRequest(
    @DecimalMin("0") Double avgLatencyMs,
    @DecimalMin("0") Double avgCostPerRequest,
    @DecimalMin("0") Double avgInputTokens,
    @DecimalMin("0") Double avgOutputTokens,
    @DecimalMin("0") @DecimalMax("1") Double errorRate,
    @DecimalMin("0") @DecimalMax("1") Double retryRate,
    @DecimalMin("0") @DecimalMax("1") Double avgQualityScore,
    @DecimalMin("0") @DecimalMax("1") Double safetyBlockRate,
    @DecimalMin("0") @DecimalMax("1") Double ungroundedRate,
    @DecimalMin("0") @DecimalMax("1") Double injectionRiskRate,
    @DecimalMin("0") @DecimalMax("1") Double tokenAbuseRate,
    @DecimalMin("0") @DecimalMax("1") Double timeoutRate,
    Trend latencyTrend,
    Trend costTrend,
    Trend errorTrend) {

  /**
   * A direction reported by the caller; the original accepted free text, we accept its usual words.
   */
  public enum Trend {
    RISING,
    STABLE,
    FALLING;

    @JsonCreator
    static Trend parse(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "rising", "increasing", "up" -> RISING;
        case "stable", "flat", "steady" -> STABLE;
        case "falling", "decreasing", "down" -> FALLING;
        default ->
            throw new IllegalArgumentException(
                "trend must be increasing, stable or decreasing, not '" + value + "'");
      };
    }
  }

  static double or0(Double value) {
    return value == null ? 0 : value;
  }
}
