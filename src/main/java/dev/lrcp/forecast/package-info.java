/**
 * Forecasts of fixed-interval series (cost, requests, tokens per hour): Holt-Winters with a daily
 * and a weekly season, seasonal-naive or drift when the history is short, each forecast with its
 * own rolling-origin backtest and empirical prediction intervals; and the monthly budget view. Pure
 * functions over arrays: no storage, no clock, no Spring inside the engine.
 */
package dev.lrcp.forecast;
