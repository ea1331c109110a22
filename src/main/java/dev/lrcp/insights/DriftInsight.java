package dev.lrcp.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A quality-drift early warning on one scope: its grounding (or answer relevance) scores fell, by
 * the drift detector's reading of the recent calls, while possibly still above the quality-drop
 * threshold.
 *
 * @param reference the mean score before the drift began, at {@code since}
 * @param current the mean score since its latest change
 * @param scoredSince scored calls since the drift began
 */
public record DriftInsight(
    @Schema(example = "model:gemini-2.5-flash") String scope,
    @Schema(example = "grounding") String signal,
    double reference,
    double current,
    Instant since,
    int scoredSince,
    String text) {}
