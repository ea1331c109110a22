package dev.lrcp.insights;

import dev.lrcp.health.HealthInputs;
import dev.lrcp.health.HealthProperties;
import dev.lrcp.health.HealthScore;
import dev.lrcp.health.HealthWindows;
import dev.lrcp.health.Scope;
import dev.lrcp.health.WindowStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Insights over the live windows: every active scope, one-minute trends for predictions, and the
 * anomaly stories and drift warnings over all the recent calls held. Other modules read the live
 * score through {@link #score}.
 */
@Component
public class LiveInsights {

  private static final int TREND_MINUTES = 10;

  private final HealthWindows windows;
  private final InsightsAnalyzer analyzer;
  private final HealthProperties properties;
  private final LiveAnomalies anomalies;
  private final Clock clock;

  LiveInsights(
      HealthWindows windows,
      InsightsAnalyzer analyzer,
      HealthProperties properties,
      LiveAnomalies anomalies,
      Clock clock) {
    this.windows = windows;
    this.analyzer = analyzer;
    this.properties = properties;
    this.anomalies = anomalies;
    this.clock = clock;
  }

  public HealthScoreView score(Duration window, Scope scope) {
    WindowStats stats = windows.stats(window, scope);
    HealthScore score = windows.score(scope, stats);
    return new HealthScoreView(
        score == null ? null : score.score(),
        score == null ? "no_data" : score.status(),
        score == null ? null : score.cappedBy(),
        stats.window(),
        scope.label(),
        score == null ? null : score.components(),
        score == null ? null : score.sloBurn(),
        stats,
        clock.instant());
  }

  InsightsResponse analyze(Duration window) {
    var observations = new ArrayList<Observation>();
    var predictions = new ArrayList<Prediction>();
    for (var scoped : windows.statsOfEveryScope(window).entrySet()) {
      Scope scope = scoped.getKey();
      WindowStats stats = scoped.getValue();
      HealthScore score = windows.score(scope, stats);
      if (score != null) {
        observations.add(
            new Observation(
                scope.label(),
                HealthInputs.of(stats),
                score,
                "p95",
                stats.ungroundedRate(),
                stats.timeoutRate()));
        predictions.addAll(predict(scope));
      }
    }
    var recommendations = analyzer.recommend(observations);
    var recent = anomalies.read();
    HealthScore service = observations.isEmpty() ? null : observations.getFirst().score();
    return new InsightsResponse(
        service == null
            ? new InsightsResponse.HealthSummary(null, null, "no_data")
            : new InsightsResponse.HealthSummary(
                service.score(), service.components(), service.status()),
        recommendations,
        predictions,
        InsightsResponse.priorities(recommendations),
        recent.stories(),
        LiveDrift.warnings(recent.calls(), recent.scopes()),
        "live window "
            + (window.toSecondsPart() == 0 ? window.toMinutes() + "m" : window.toSeconds() + "s"),
        clock.instant());
  }

  private List<Prediction> predict(Scope scope) {
    var minutes = minuteStats(scope);
    return java.util.stream.Stream.of(
            TrendPredictor.predict(
                "p95 latency",
                scope.label(),
                series(minutes, WindowStats::p95LatencyMs),
                properties.latencySloMs(),
                "ms"),
            TrendPredictor.predict(
                "error rate",
                scope.label(),
                series(minutes, WindowStats::errorRate),
                properties.errorRateSlo(),
                "%"))
        .filter(Objects::nonNull)
        .filter(p -> p.minutesToBreach() != null || p.current() >= p.objective())
        .toList();
  }

  private List<WindowStats> minuteStats(Scope scope) {
    Instant now = clock.instant();
    var result = new ArrayList<WindowStats>();
    for (int i = TREND_MINUTES - 1; i >= 0; i--) {
      result.add(windows.stats(Duration.ofMinutes(1), scope, now.minus(Duration.ofMinutes(i))));
    }
    return result;
  }

  private static List<Double> series(
      List<WindowStats> minutes, Function<WindowStats, Double> metric) {
    return minutes.stream().map(m -> m.requests() == 0 ? null : metric.apply(m)).toList();
  }
}
