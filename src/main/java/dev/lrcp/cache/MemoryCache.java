package dev.lrcp.cache;

import dev.lrcp.quality.SentenceEmbedder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This replica's answers in memory: an LRU map by exact key, and, for semantic matches, the
 * embedded answers grouped by namespace and context (each group keeps its newest {@value
 * #GROUP_SIZE}). Both are bounded by {@code maxEntries}; one lock, held for map operations only.
 */
final class MemoryCache {

  static final int GROUP_SIZE = 64;

  private final Map<String, CachedAnswer> exact;
  private final Map<String, Deque<CachedAnswer>> groups;

  MemoryCache(int maxEntries) {
    this.exact = lru(maxEntries);
    this.groups = lru(Math.max(1, maxEntries / GROUP_SIZE));
  }

  synchronized CachedAnswer exact(String id, long nowMs) {
    CachedAnswer a = exact.get(id);
    if (a != null && a.expired(nowMs)) {
      exact.remove(id);
      return null;
    }
    return a;
  }

  synchronized void put(CachedAnswer a) {
    exact.put(a.keys().id(), a);
    if (a.embedding() != null) {
      Deque<CachedAnswer> group = groups.computeIfAbsent(a.keys().group(), g -> new ArrayDeque<>());
      group.removeIf(old -> old.keys().exact().equals(a.keys().exact()));
      group.addFirst(a);
      while (group.size() > GROUP_SIZE) {
        group.removeLast();
      }
    }
  }

  /** A match. */
  record Match(CachedAnswer answer, double similarity) {}

  /** The most similar answer in the same namespace and context, if any reaches the threshold. */
  synchronized Match semantic(CacheKeys keys, float[] vector, double threshold, long nowMs) {
    Deque<CachedAnswer> group = groups.get(keys.group());
    if (group == null) {
      return null;
    }
    Match best = null;
    for (CachedAnswer a : group) {
      if (a.expired(nowMs)) {
        continue;
      }
      double similarity = SentenceEmbedder.cosine(vector, a.embedding());
      if (similarity >= threshold
          && (best == null || similarity > best.similarity())
          && NearMissGuard.sameSpecifics(keys.question(), a.keys().question())) {
        best = new Match(a, similarity);
      }
    }
    return best;
  }

  synchronized int size() {
    return exact.size();
  }

  private static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }
}
