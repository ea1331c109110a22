package dev.lrcp.routing;

import dev.lrcp.health.HealthWindows;
import dev.lrcp.health.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-model statistics on an endpoint from the live health windows, read at most every {@link
 * #REFRESH} per endpoint and set of models: a read copies the window's calls, which a router must
 * not do on every call.
 */
final class LiveStats {

  static final Duration REFRESH = Duration.ofSeconds(5);

  private final HealthWindows windows;
  private final Duration window;
  private final Clock clock;
  private final Map<Key, Snapshot> cache = new ConcurrentHashMap<>();

  LiveStats(HealthWindows windows, RoutingProperties properties, Clock clock) {
    this.windows = windows;
    this.window = properties.holds().window();
    this.clock = clock;
  }

  Map<String, ModelStats> of(String endpoint, List<String> models) {
    Instant now = clock.instant();
    var key = new Key(endpoint, models);
    Snapshot cached = cache.get(key);
    if (cached != null && cached.at().plus(REFRESH).isAfter(now)) {
      return cached.stats();
    }
    Map<String, ModelStats> fresh = read(endpoint, models);
    cache.put(key, new Snapshot(now, fresh));
    return fresh;
  }

  /** Read now, bypassing the cache (for {@code GET /routing}). */
  Map<String, ModelStats> read(String endpoint, List<String> models) {
    List<Scope> scopes = models.stream().map(m -> new Scope(endpoint, m)).toList();
    var result = new HashMap<String, ModelStats>();
    windows.stats(window, scopes).forEach((s, w) -> result.put(s.model(), ModelStats.of(w)));
    return Map.copyOf(result);
  }

  Duration window() {
    return window;
  }

  private record Key(String endpoint, List<String> models) {}

  private record Snapshot(Instant at, Map<String, ModelStats> stats) {}
}
