package dev.lrcp.insights;

/**
 * One thing to do, with the evidence behind it.
 *
 * @param priority {@code high} (component below 60), {@code medium} (below 80) or {@code low}
 * @param scope {@code service}, {@code endpoint:/qa}, {@code model:…}
 */
public record Recommendation(
    String title,
    String category,
    String priority,
    String scope,
    String evidence,
    String action,
    double componentScore) {}
