package dev.lrcp.security;

/** Defaults shared by the configuration and the evaluation, so they cannot disagree. */
final class SecurityDefaults {

  /** Chosen on the development data by cross-validation (docs/signals.md). */
  static final double INJECTION_THRESHOLD = 0.5;

  private SecurityDefaults() {}
}
