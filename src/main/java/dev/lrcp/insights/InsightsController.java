package dev.lrcp.insights;

import static dev.lrcp.insights.InsightsRequest.or0;

import dev.lrcp.health.HealthInputs;
import dev.lrcp.health.HealthProperties;
import dev.lrcp.health.HealthScore;
import dev.lrcp.health.HealthScoreCalculator;
import dev.lrcp.health.Scope;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/insights")
class InsightsController {

  private static final String WINDOW = "^([1-9]|[1-5][0-9]|60)m$";

  private final LiveInsights live;
  private final InsightsAnalyzer analyzer;
  private final HealthScoreCalculator calculator;
  private final HealthProperties properties;
  private final Clock clock;

  InsightsController(
      LiveInsights live,
      InsightsAnalyzer analyzer,
      HealthScoreCalculator calculator,
      HealthProperties properties,
      Clock clock) {
    this.live = live;
    this.analyzer = analyzer;
    this.calculator = calculator;
    this.properties = properties;
    this.clock = clock;
  }

  @Operation(
      summary = "Live health score of the service, an endpoint or a model over a window (1m..60m)")
  @GetMapping("/health-score")
  HealthScoreView healthScore(
      @RequestParam(required = false) @Pattern(regexp = WINDOW) String window,
      @RequestParam(required = false) String endpoint,
      @RequestParam(required = false) String model) {
    return live.score(window(window), new Scope(endpoint, model));
  }

  @Operation(summary = "Recommendations and predictions from the live windows")
  @GetMapping
  InsightsResponse liveInsights(
      @RequestParam(required = false) @Pattern(regexp = WINDOW) String window) {
    return live.analyze(window(window));
  }

  @Operation(summary = "Score and analyse aggregates you supply (the original's contract)")
  @PostMapping
  InsightsResponse analyze(@Valid @RequestBody InsightsRequest body) {
    double in = or0(body.avgInputTokens());
    var inputs =
        new HealthInputs(
            or0(body.avgLatencyMs()),
            null,
            or0(body.errorRate()),
            or0(body.retryRate()),
            or0(body.avgCostPerRequest()),
            or0(body.avgQualityScore()),
            or0(body.safetyBlockRate()),
            or0(body.injectionRiskRate()),
            or0(body.tokenAbuseRate()),
            in == 0 ? 0 : or0(body.avgOutputTokens()) / in);
    HealthScore score = calculator.score(inputs);
    var observation =
        new Observation(
            "supplied aggregates",
            inputs,
            score,
            "average",
            body.ungroundedRate(),
            or0(body.timeoutRate()));
    var recommendations = analyzer.recommend(List.of(observation));
    return new InsightsResponse(
        new InsightsResponse.HealthSummary(score.score(), score.components(), score.status()),
        recommendations,
        SuppliedTrends.predictions(body, properties),
        InsightsResponse.priorities(recommendations),
        List.of(),
        List.of(),
        "supplied aggregates",
        clock.instant());
  }

  /**
   * The requested window; without one, the window of the reported score ({@code
   * LRCP_HEALTH_WINDOW}).
   */
  private Duration window(String window) {
    if (window == null) {
      return properties.window();
    }
    return Duration.ofMinutes(Long.parseLong(window.toLowerCase(Locale.ROOT).replace("m", "")));
  }
}
