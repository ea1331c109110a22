package dev.lrcp.series;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * One point of a supplied series.
 *
 * @param timestamp ISO-8601 ({@code 2014-07-01T00:00:00Z}, an offset, or a local date-time taken as
 *     UTC, with {@code T} or a space), or epoch seconds
 * @param value a finite number
 */
public record SeriesPoint(
    @Schema(example = "2014-07-01T00:00:00Z") @NotNull String timestamp,
    @Schema(example = "10844") @NotNull Double value) {}
