package dev.lrcp.anomaly;

import dev.lrcp.series.Series;
import dev.lrcp.series.SeriesPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /insights/anomalies}: the online anomaly detector over a series you supply. */
@RestController
@Tag(name = "insights")
class AnomalyScoringController {

  static final int MAX_POINTS = 100_000;
  static final String METHOD = "seasonal_robust_z_tail_probability";

  @Operation(
      summary = "Score every point of a series you supply for anomalies, using earlier points only",
      description =
          "Each score is computed as a live detector would have computed it, so the scores of a"
              + " prefix equal the first scores of the whole series. anomaly_score in [0, 1] is"
              + " 0.5 at a tail probability of 10^-3; anomaly is anomaly_score >= 0.5.")
  @PostMapping(
      path = "/insights/anomalies",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  AnomaliesResponse score(@Valid @RequestBody AnomaliesRequest body) {
    Series series = Series.stream(body.points(), "points");
    AnomalyScore[] scores = SeriesAnomalyDetector.scoreAll(series.epochSeconds(), series.values());
    List<ScoredPoint> out = new ArrayList<>(scores.length);
    for (int i = 0; i < scores.length; i++) {
      out.add(
          new ScoredPoint(
              series.labels().get(i), series.values()[i], scores[i].score(), scores[i].anomaly()));
    }
    return new AnomaliesResponse(out, METHOD, SeriesAnomalyDetector.ALERT);
  }

  record AnomaliesRequest(
      @Schema(
              description =
                  "Up to 100,000 points, scored in the order given (repeated or out-of-order"
                      + " timestamps are accepted)",
              example =
                  "[{\"timestamp\": \"2026-11-01T00:00:00Z\", \"value\": 812},"
                      + " {\"timestamp\": \"2026-11-01T00:05:00Z\", \"value\": 790},"
                      + " {\"timestamp\": \"2026-11-01T00:10:00Z\", \"value\": 4210}]")
          @NotNull
          @Size(min = 1, max = MAX_POINTS)
          List<@NotNull @Valid SeriesPoint> points) {}

  record ScoredPoint(
      @Schema(description = "As sent", example = "2026-11-01T00:10:00Z") String timestamp,
      @Schema(example = "4210") double value,
      @Schema(example = "0.71") double anomalyScore,
      @Schema(example = "true") boolean anomaly) {}

  record AnomaliesResponse(
      List<ScoredPoint> scores,
      @Schema(example = METHOD) String method,
      @Schema(description = "anomaly is anomaly_score >= this", example = "0.5")
          double alertThreshold) {}
}
