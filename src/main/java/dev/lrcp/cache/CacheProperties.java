package dev.lrcp.cache;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Response cache settings ({@code LRCP_CACHE_*}).
 *
 * @param enabled false turns the cache off everywhere
 * @param ttl how long an answer is reused
 * @param maxEntries answers held in memory per replica (least recently used go first)
 * @param maxStored answers kept in the database (oldest go first)
 * @param routes per request type ({@code chat}, {@code qa}, {@code reason}); types not listed use
 *     {@link Route#DEFAULT}
 */
@ConfigurationProperties("lrcp.cache")
record CacheProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1h") Duration ttl,
    @DefaultValue("10000") int maxEntries,
    @DefaultValue("100000") int maxStored,
    Map<String, Route> routes) {

  /** The threshold chosen from the measured curve (docs/keys-budgets-cache.md). */
  static final double DEFAULT_THRESHOLD = 0.85;

  CacheProperties {
    routes = routes == null ? Map.of() : Map.copyOf(new HashMap<>(routes));
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("lrcp.cache.ttl must be positive");
    }
    if (maxEntries < 1 || maxStored < 1) {
      throw new IllegalArgumentException("lrcp.cache max-entries and max-stored must be >= 1");
    }
  }

  Route route(String requestType) {
    return routes.getOrDefault(requestType, Route.DEFAULT);
  }

  /**
   * One route's caching.
   *
   * @param exact {@code deterministic} (requests with temperature 0, or callers that send {@code
   *     X-LRCP-Cache}), {@code always}, or {@code off}
   * @param semantic true also matches paraphrases of the last user message, for deterministic
   *     requests and callers that send {@code X-LRCP-Cache: semantic}
   * @param threshold cosine similarity from which a semantic match counts
   */
  record Route(Exact exact, Boolean semantic, Double threshold) {

    static final Route DEFAULT = new Route(Exact.DETERMINISTIC, false, DEFAULT_THRESHOLD);

    Route {
      exact = exact == null ? Exact.DETERMINISTIC : exact;
      semantic = semantic != null && semantic;
      threshold = threshold == null ? DEFAULT_THRESHOLD : threshold;
      if (threshold <= 0 || threshold > 1) {
        throw new IllegalArgumentException("lrcp.cache.routes.*.threshold must be in (0, 1]");
      }
    }
  }

  /** When the exact cache applies. */
  enum Exact {
    DETERMINISTIC,
    ALWAYS,
    OFF
  }
}
