package dev.lrcp.insights;

import dev.lrcp.anomaly.Attribution;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A live anomaly told as a story: which series of which scope changed, when, by how much against
 * the band it usually stays in, and which dimension value explains it.
 *
 * @param measure the series, e.g. {@code p95 latency}
 * @param scope {@code service}, {@code endpoint:/qa} or {@code model:gemini-2.5-pro}
 * @param at the start of the bucket the detector flagged
 * @param value the series' value in that bucket
 * @param expectedLow the 10th percentile of the buckets before it (the usual band's bottom)
 * @param expectedHigh the 90th percentile of the buckets before it
 * @param anomalyScore the detector's score of that bucket, 0..1 (0.5 is a one-in-a-thousand value)
 * @param attribution the calls since the anomaly against those before it, sliced by dimension
 * @param text the sentence
 */
public record Story(
    @Schema(example = "p95 latency") String measure,
    @Schema(example = "model:gemini-2.5-pro") String scope,
    Instant at,
    double value,
    double expectedLow,
    double expectedHigh,
    String unit,
    double anomalyScore,
    Attribution attribution,
    String text) {}
