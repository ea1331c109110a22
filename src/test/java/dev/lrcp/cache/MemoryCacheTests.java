package dev.lrcp.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.llm.TokenUsage;
import org.junit.jupiter.api.Test;

/** Semantic matches stay inside one namespace and context, above the threshold, past the guard. */
class MemoryCacheTests {

  static float[] unit(float... v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(n));
    }
    return out;
  }

  static CachedAnswer answer(String namespace, String question, float[] vector) {
    var keys = new CacheKeys(namespace, "h-" + question, "ctx", question);
    return new CachedAnswer(
        keys,
        "answer to " + question,
        "m",
        "p",
        TokenUsage.ZERO,
        "STOP",
        null,
        0.01,
        vector,
        0,
        1_000);
  }

  @Test
  void theClosestAnswerAboveTheThresholdInTheSameNamespaceIsServed() {
    var cache = new MemoryCache(100);
    cache.put(answer("vkey:a", "What is the capital of France?", unit(1, 0, 0)));
    cache.put(answer("vkey:a", "Which river runs through France?", unit(0, 1, 0)));
    var asked = new CacheKeys("vkey:a", "h-new", "ctx", "Which city is the capital of France?");

    var match = cache.semantic(asked, unit(0.95f, 0.1f, 0), 0.85, 10);

    assertThat(match.answer().text()).isEqualTo("answer to What is the capital of France?");
    assertThat(match.similarity()).isGreaterThan(0.85);
  }

  @Test
  void noMatchAcrossNamespacesBelowTheThresholdForOtherNamesOrOnceExpired() {
    var cache = new MemoryCache(100);
    cache.put(answer("vkey:a", "What is the capital of France?", unit(1, 0, 0)));
    float[] same = unit(1, 0, 0);

    assertThat(
            cache.semantic(
                new CacheKeys("vkey:b", "x", "ctx", "What is the capital of France?"),
                same,
                0.85,
                10))
        .isNull();
    assertThat(
            cache.semantic(
                new CacheKeys("vkey:a", "x", "ctx", "What is the capital of Spain?"),
                same,
                0.85,
                10))
        .isNull();
    assertThat(
            cache.semantic(
                new CacheKeys("vkey:a", "x", "ctx", "What is the capital of France?"),
                unit(0, 1, 0),
                0.85,
                10))
        .isNull();
    assertThat(
            cache.semantic(
                new CacheKeys("vkey:a", "x", "ctx", "What is the capital of France?"),
                same,
                0.85,
                1_000))
        .isNull();
  }

  @Test
  void theLeastRecentlyUsedAnswerGoesFirst() {
    var cache = new MemoryCache(2);
    cache.put(answer("n", "one", null));
    cache.put(answer("n", "two", null));
    assertThat(cache.exact("n|h-one", 0)).isNotNull();
    cache.put(answer("n", "three", null));
    assertThat(cache.exact("n|h-two", 0)).isNull();
    assertThat(cache.exact("n|h-one", 0)).isNotNull();
  }
}
