package dev.lrcp.anomaly;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /optimization/anomaly/attribute}: which slices explain the change of {@code metric}
 * in the last {@code window} against the {@code baseline} before it, optionally within a scope.
 *
 * @param window e.g. {@code 15m}, {@code 1h} (default 1h)
 * @param baseline e.g. {@code 24h} (default 24h, the original's baseline_period_hours)
 */
record AttributionRequest(
    @NotBlank String metric,
    @Pattern(regexp = "\\d{1,4}[smhd]", message = "must look like 15m, 1h or 2d") String window,
    @Pattern(regexp = "\\d{1,4}[smhd]", message = "must look like 15m, 1h or 2d") String baseline,
    @Valid Scope scope) {

  /** Restricts the calls to an endpoint and/or a model. */
  record Scope(String endpoint, String model) {}
}
