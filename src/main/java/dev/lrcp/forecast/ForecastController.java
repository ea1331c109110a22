package dev.lrcp.forecast;

import dev.lrcp.series.InvalidSeriesException;
import dev.lrcp.series.Series;
import dev.lrcp.series.SeriesPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /insights/forecast}: the forecast engine over a series the caller supplies. */
@RestController
@Tag(name = "insights")
class ForecastController {

  static final int MAX_POINTS = 100_000;
  static final int MAX_HORIZON = 2_016;
  private static final double MAX_IRREGULARITY = 0.1;

  private final Forecaster forecaster = new Forecaster();

  @Operation(
      summary = "Forecast a series you supply, with 80 % and 95 % intervals and its own backtest",
      description =
          "Points must be evenly spaced (at most 10 % of gaps may differ from the median interval);"
              + " the horizon counts steps of that interval. Holt-Winters with daily and weekly"
              + " seasons, seasonal-naive or drift with short histories (method and note say"
              + " which). The backtest is rolling-origin on the same series.")
  @PostMapping(
      path = "/insights/forecast",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ForecastResponse forecast(@Valid @RequestBody ForecastRequest body) {
    Series series = Series.of(body.points(), "points");
    if (series.irregularity() > MAX_IRREGULARITY) {
      throw new InvalidSeriesException(
          "points",
          String.format(
              Locale.ROOT,
              "timestamps must be evenly spaced: %.0f %% of gaps differ from the median interval"
                  + " of %d s (fill gaps, e.g. with zeros for spend)",
              100 * series.irregularity(),
              series.interval()));
    }
    Forecast f = forecaster.forecast(series, body.horizon());
    return new ForecastResponse(f.points(), f.method(), f.seasons(), f.note(), f.backtest());
  }

  record ForecastRequest(
      @Schema(
              description = "At least 3 evenly spaced points, ascending",
              example =
                  "[{\"timestamp\": \"2026-11-01T00:00:00Z\", \"value\": 1.92},"
                      + " {\"timestamp\": \"2026-11-01T01:00:00Z\", \"value\": 1.75},"
                      + " {\"timestamp\": \"2026-11-01T02:00:00Z\", \"value\": 1.61}]")
          @NotNull
          @Size(min = 3, max = MAX_POINTS)
          List<@NotNull @Valid SeriesPoint> points,
      @Schema(description = "Steps ahead, at the series' own interval", example = "24")
          @NotNull
          @Min(1)
          @Max(MAX_HORIZON)
          Integer horizon) {}

  record ForecastResponse(
      List<Forecast.Point> forecast,
      @Schema(example = "holt_winters_daily_weekly") String method,
      @Schema(description = "Season lengths in points", example = "[24, 168]")
          List<Integer> seasons,
      @Schema(description = "Why a simpler method was used, or null") String note,
      @Schema(description = "Rolling-origin backtest; null when the history is too short")
          Forecast.Accuracy backtest) {}
}
