package dev.lrcp.drift;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /quality/drift}: the score-drift detector over a stream you supply. */
@RestController
@Tag(name = "quality")
class DriftController {

  static final int MAX_SCORES = 200_000;

  @Operation(
      summary = "Find drifts in a stream of quality scores in [0, 1], as they would be raised live",
      description =
          "Two-sided CUSUM against a reference learnt from the first 300 scores (and again after"
              + " each warning). index is the score at which the warning would have been raised;"
              + " since is the estimated start of the change; magnitude is the shift in score"
              + " units.")
  @PostMapping(
      path = "/quality/drift",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  DriftResponse drift(@Valid @RequestBody DriftRequest body) {
    double[] scores = body.scores().stream().mapToDouble(Double::doubleValue).toArray();
    List<ReportedWarning> warnings =
        ScoreDriftDetector.scan(scores).stream()
            .map(
                w ->
                    new ReportedWarning(
                        w.index(),
                        w.direction().name().toLowerCase(Locale.ROOT),
                        w.magnitude(),
                        w.since()))
            .toList();
    return new DriftResponse(warnings, "two_sided_cusum", ScoreDriftDetector.REFERENCE);
  }

  record DriftRequest(
      @Schema(description = "Scores in stream order, up to 200,000", example = "[0.82, 0.79, 0.91]")
          @NotNull
          @Size(min = 1, max = MAX_SCORES)
          List<@NotNull @DecimalMin("0") @DecimalMax("1") Double> scores) {}

  record ReportedWarning(
      @Schema(example = "1017") int index,
      @Schema(
              allowableValues = {"down", "up"},
              example = "down")
          String direction,
      @Schema(example = "0.11") double magnitude,
      @Schema(example = "1002") int since) {}

  record DriftResponse(
      List<ReportedWarning> warnings,
      @Schema(example = "two_sided_cusum") String method,
      @Schema(description = "Scores used to learn the reference level", example = "300")
          int referenceSize) {}
}
