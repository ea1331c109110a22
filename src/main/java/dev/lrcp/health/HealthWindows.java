package dev.lrcp.health;

import dev.lrcp.flow.CallRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Window statistics and health scores per scope, computed on demand from {@link RecentCalls}. */
@Component
public class HealthWindows {

  private final RecentCalls recent;
  private final HealthScoreCalculator calculator;
  private final StatusCaps caps;
  private final Clock clock;

  public HealthWindows(
      RecentCalls recent, HealthScoreCalculator calculator, StatusCaps caps, Clock clock) {
    this.recent = recent;
    this.calculator = calculator;
    this.caps = caps;
    this.clock = clock;
  }

  public WindowStats stats(Duration window, Scope scope) {
    return stats(window, scope, clock.instant());
  }

  /** Statistics of the window ending at {@code end} (exclusive). */
  public WindowStats stats(Duration window, Scope scope, Instant end) {
    return new Window(recent, window, end, calculator.latencySloMs()).stats(scope);
  }

  /** Statistics of the window ending now for each of {@code scopes}, from one read of the logs. */
  public Map<Scope, WindowStats> stats(Duration window, List<Scope> scopes) {
    var read = new Window(recent, window, clock.instant(), calculator.latencySloMs());
    var result = new LinkedHashMap<Scope, WindowStats>();
    scopes.forEach(scope -> result.put(scope, read.stats(scope)));
    return result;
  }

  /**
   * Statistics of the window ending now for the service and every endpoint and model with calls in
   * it, in that order. The recent-call logs are read once for all of them: this runs every few
   * seconds over up to {@link HealthProperties#maxSamples()} calls.
   */
  public Map<Scope, WindowStats> statsOfEveryScope(Duration window) {
    var read = new Window(recent, window, clock.instant(), calculator.latencySloMs());
    var result = new LinkedHashMap<Scope, WindowStats>();
    for (Scope scope : scopes(read.calls)) {
      result.put(scope, read.stats(scope));
    }
    return result;
  }

  /**
   * The score of a scope's window, its status capped by the scope's open incidents; null when the
   * window held no calls.
   */
  public HealthScore score(Scope scope, WindowStats stats) {
    HealthInputs inputs = HealthInputs.of(stats);
    return inputs == null ? null : calculator.score(inputs).cappedBy(caps.worstWithin(scope));
  }

  /** The service plus every endpoint and every model that had calls in the window. */
  private static Set<Scope> scopes(List<CallRecord> calls) {
    var scopes = new LinkedHashSet<Scope>();
    scopes.add(Scope.SERVICE);
    calls.stream().map(CallRecord::endpoint).distinct().map(Scope::endpoint).forEach(scopes::add);
    calls.stream()
        .map(CallRecord::model)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .map(Scope::model)
        .forEach(scopes::add);
    return scopes;
  }

  /** One read of the recent calls over [end - length, end), sliced per scope. */
  private static final class Window {
    private final Duration length;
    private final Duration held;
    private final double sloMs;
    private final List<CallRecord> calls;

    Window(RecentCalls recent, Duration length, Instant end, double sloMs) {
      Instant from = end.minus(length);
      Instant heldSince = recent.callsHeldSince();
      this.length = length;
      this.sloMs = sloMs;
      this.held =
          Duration.between(heldSince != null && heldSince.isAfter(from) ? heldSince : from, end);
      this.calls = recent.between(from, end);
    }

    WindowStats stats(Scope scope) {
      return WindowStats.of(
          length,
          held,
          sloMs,
          scope == Scope.SERVICE
              ? calls
              : calls.stream().filter(c -> scope.matches(c.endpoint(), c.model())).toList());
    }
  }
}
