package dev.lrcp.anomaly;

/**
 * One dimension value that explains part of a shift.
 *
 * @param explanatoryPower share of the total change this value accounts for (Adtributor EP)
 * @param surprise Jensen-Shannon divergence of its share between baseline and current
 */
public record Cause(String dimension, String value, double explanatoryPower, double surprise) {}
