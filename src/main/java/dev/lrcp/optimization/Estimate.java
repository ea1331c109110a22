package dev.lrcp.optimization;

/**
 * A monthly saving in USD: the point estimate and its 95% bootstrap interval.
 *
 * @param usd extrapolated from the analysed calls to 30 days at their observed rate
 */
record Estimate(double usd, double lowUsd, double highUsd) {}
