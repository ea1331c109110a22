package dev.lrcp.forecast;

import dev.lrcp.storage.HourlyTotals.Slice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /insights/forecast}: the forecast engine on the service's own hourly totals. */
@RestController
@Tag(name = "insights")
class LiveForecastController {

  /** 24h to 168h, or 1d to 7d. */
  static final String HORIZON = "^((2[4-9]|[3-9][0-9]|1[0-5][0-9]|16[0-8])h|[1-7]d)$";

  private final LiveForecasts forecasts;

  LiveForecastController(LiveForecasts forecasts) {
    this.forecasts = forecasts;
  }

  @Operation(
      summary = "Forecast this service's hourly spend, requests or tokens, 24 h to 7 days ahead",
      description =
          "From the hourly rollups of the calls of the scope (endpoint, model, application: each"
              + " optional). Holt-Winters with daily and weekly seasons, seasonal-naive or drift"
              + " with a short history (method and note say which); the backtest is"
              + " rolling-origin on the same series. For spend, the current month's projection.")
  @GetMapping(path = "/insights/forecast", produces = MediaType.APPLICATION_JSON_VALUE)
  LiveForecast forecast(
      @RequestParam(defaultValue = "cost") @Pattern(regexp = "^(cost|requests|tokens)$")
          String metric,
      @RequestParam(defaultValue = "24h") @Pattern(regexp = HORIZON) String horizon,
      @RequestParam(required = false) String endpoint,
      @RequestParam(required = false) String model,
      @RequestParam(required = false) String application) {
    return forecasts.forecast(
        ForecastMetric.valueOf(metric.toUpperCase(Locale.ROOT)),
        new Slice(blank(endpoint), blank(model), blank(application), null),
        hours(horizon));
  }

  static int hours(String horizon) {
    int n = Integer.parseInt(horizon.substring(0, horizon.length() - 1));
    return horizon.endsWith("d") ? n * LiveForecasts.DAY : n;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
