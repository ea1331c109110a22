package dev.lrcp.forecast;

import java.time.Instant;

/**
 * The whole service's spend over the next 24 hours, as the live forecast projects it from the
 * hourly rollups, published every few minutes (the {@code llm.forecast.spend_next_24h_usd} gauge).
 *
 * @param expectedUsd the sum of the hourly point forecasts
 * @param lower80Usd the sum of the hourly 80 % lower bounds (errors taken as fully correlated)
 * @param coverage80 share of the backtest's later outcomes inside its 80 % intervals; null without
 *     a backtest (short history)
 * @param note why a simpler method was used, or null
 */
public record SpendForecast(
    Instant at,
    double expectedUsd,
    double lower80Usd,
    double upper80Usd,
    String method,
    Double coverage80,
    Double relativeToSeasonalNaive,
    String note) {}
