package dev.lrcp.forecast;

/**
 * Smoothing rates of additive Holt-Winters with a damped trend and up to two seasons (Taylor's
 * double-seasonal form): {@code alpha} level, {@code beta} trend (0 = none), {@code phi} damping,
 * {@code gamma} the first season, {@code delta} the second.
 */
record Smoothing(double alpha, double beta, double phi, double gamma, double delta) {}
