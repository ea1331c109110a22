package dev.lrcp.flow;

/** What the caller asked of the response cache for one call. */
public enum CacheDirective {
  /** The route's settings decide. */
  DEFAULT,
  /** {@code Cache-Control: no-store}: neither read nor write the cache. */
  NO_STORE,
  /** {@code X-LRCP-Cache: exact}: the exact cache even for a non-deterministic request. */
  EXACT,
  /** {@code X-LRCP-Cache: semantic}: exact and, where the route allows it, semantic matches. */
  SEMANTIC;

  /** The directive of a call's {@code Cache-Control} and {@code X-LRCP-Cache} request headers. */
  public static CacheDirective of(String cacheControl, String lrcpCache) {
    if (cacheControl != null
        && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-store")) {
      return NO_STORE;
    }
    if (lrcpCache == null) {
      return DEFAULT;
    }
    return switch (lrcpCache.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "exact" -> EXACT;
      case "semantic" -> SEMANTIC;
      default -> DEFAULT;
    };
  }
}
