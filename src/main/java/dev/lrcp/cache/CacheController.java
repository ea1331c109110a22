package dev.lrcp.cache;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /cache}: this replica's cache counters since it started. */
@RestController
@Tag(name = "cache")
class CacheController {

  private final ResponseCache cache;
  private final CacheProperties properties;

  CacheController(ResponseCache cache, CacheProperties properties) {
    this.cache = cache;
    this.properties = properties;
  }

  /**
   * @param hitRate (hits + semantic hits) over lookups; null before the first lookup
   */
  record CacheStats(
      boolean enabled,
      long hits,
      long semanticHits,
      long misses,
      Double hitRate,
      double savedUsd,
      int entriesInMemory) {}

  @Operation(summary = "Response cache counters of this replica since it started")
  @GetMapping("/cache")
  CacheStats stats() {
    long hits = cache.hits.get();
    long semantic = cache.semanticHits.get();
    long misses = cache.misses.get();
    long lookups = hits + semantic + misses;
    return new CacheStats(
        properties.enabled(),
        hits,
        semantic,
        misses,
        lookups == 0 ? null : (double) (hits + semantic) / lookups,
        cache.savedNanos.get() / 1e9,
        cache.size());
  }
}
