package dev.lrcp.health;

import dev.lrcp.llm.LlmCallCompleted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Window statistics and health scores per scope, computed on demand from {@link RecentCalls}. */
@Component
public class HealthWindows {

  private final RecentCalls recent;
  private final HealthScoreCalculator calculator;
  private final Clock clock;

  public HealthWindows(RecentCalls recent, HealthScoreCalculator calculator, Clock clock) {
    this.recent = recent;
    this.calculator = calculator;
    this.clock = clock;
  }

  public WindowStats stats(Duration window, Scope scope) {
    return stats(window, scope, clock.instant());
  }

  /** Statistics of the window ending at {@code end} (exclusive). */
  public WindowStats stats(Duration window, Scope scope, Instant end) {
    Instant from = end.minus(window);
    return WindowStats.of(
        window,
        recent.calls(from, end, c -> scope.matches(c.endpoint(), c.model())),
        // scans happen before routing, so they carry no model: a model scope sees none
        recent.scans(from, end, s -> scope.model() == null && scope.matches(s.endpoint(), null)),
        recent.scores(from, end, s -> scope.matches(s.endpoint(), s.model())));
  }

  /** The score of a window, or null when it held no calls. */
  public HealthScore score(WindowStats stats) {
    HealthInputs inputs = HealthInputs.of(stats);
    return inputs == null ? null : calculator.score(inputs);
  }

  /** The service plus every endpoint and every model that had calls in the window. */
  public Set<Scope> scopes(Duration window) {
    Instant now = clock.instant();
    var scopes = new LinkedHashSet<Scope>();
    scopes.add(Scope.SERVICE);
    var calls = recent.calls(now.minus(window), now, c -> true);
    calls.stream()
        .map(LlmCallCompleted::endpoint)
        .distinct()
        .map(Scope::endpoint)
        .forEach(scopes::add);
    calls.stream().map(LlmCallCompleted::model).distinct().map(Scope::model).forEach(scopes::add);
    return scopes;
  }
}
