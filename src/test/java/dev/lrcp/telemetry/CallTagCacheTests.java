package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.timgroup.statsd.NoOpStatsDClient;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.CallTags;
import org.junit.jupiter.api.Test;

/** Tag sets reused per kind of call, and the catalog check that still guards shared sets. */
class CallTagCacheTests {

  private static final MetricCatalog CATALOG = MetricCatalog.load();

  private static CallRecord call(String model, long latencyMs, CallTags tags) {
    return Events.success(model, latencyMs, tags);
  }

  @Test
  void callsOfOneKindShareOneRenderedSet() {
    var cache = new CallTagCache(16);

    CallTagSets first = cache.of(call("gemini-2.5-flash", 100, CallTags.NONE));
    CallTagSets second = cache.of(call("gemini-2.5-flash", 900, CallTags.NONE));
    CallTagSets other = cache.of(call("gemini-2.5-pro", 100, CallTags.NONE));

    assertThat(second).isSameAs(first);
    assertThat(second.withOutcome().toArray()).isSameAs(first.withOutcome().toArray());
    assertThat(other).isNotSameAs(first);
    assertThat(other.base().toArray()).contains("model:gemini-2.5-pro");
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void pastItsBoundTheCacheBuildsSetsPerCallInsteadOfGrowing() {
    var cache = new CallTagCache(2);
    cache.of(call("m-1", 1, CallTags.NONE));
    cache.of(call("m-2", 1, CallTags.NONE));

    CallTagSets third = cache.of(call("m-3", 1, new CallTags("shop", "chat", "c")));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(third.counted().toArray())
        .containsExactly(
            "endpoint:/qa",
            "model:m-3",
            "provider:gemini",
            "request_type:qa",
            "traffic:organic",
            "outcome:success",
            "application:shop",
            "feature:chat");
    assertThat(cache.of(call("m-3", 2, CallTags.NONE))).isNotSameAs(third);
  }

  @Test
  void aSharedSetIsStillCheckedForEachMetricItIsSentWith() {
    var emitter = new MetricEmitter(new NoOpStatsDClient(), CATALOG);
    var sets = CallTagSets.of(call("gemini-2.5-flash", 1, new CallTags("shop", null, "c")));
    emitter.emit(Metric.REQUEST_COUNT, 1, sets.counted());

    // outcome and application are declared for llm.request.count, not for llm.retry_count
    assertThatThrownBy(() -> emitter.emit(Metric.RETRY_COUNT, 1, sets.counted()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not declared for llm.retry_count");
    assertThatThrownBy(() -> emitter.emit(Metric.RETRY_COUNT, 1, sets.counted()))
        .as("a failed check is not remembered as passed")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void frozenTagsCannotChange() {
    Tags frozen = Tags.of("endpoint", "/qa").frozen();

    assertThatThrownBy(() -> frozen.and("model", "m")).isInstanceOf(IllegalStateException.class);
    assertThat(frozen.copy().and("model", "m").toArray())
        .containsExactly("endpoint:/qa", "model:m");
  }
}
