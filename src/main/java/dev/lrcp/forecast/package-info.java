/**
 * Forecasts of fixed-interval series (cost, requests, tokens per hour): Holt-Winters with a daily
 * and a weekly season, seasonal-naive or drift when the history is short, each forecast with its
 * own rolling-origin backtest and empirical prediction intervals; and the budget view. The engine
 * is pure functions over arrays (no storage, no clock, no Spring); {@link
 * dev.lrcp.forecast.LiveForecasts} runs it on the stored hourly totals.
 */
package dev.lrcp.forecast;
