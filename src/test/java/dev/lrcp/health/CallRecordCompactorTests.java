package dev.lrcp.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallRecordCompactorTests {

  static final Instant AT = Instant.parse("2026-12-08T01:00:00Z");

  final CallRecordCompactor compactor = new CallRecordCompactor();

  /** A call as the flow builds it: every label and code a string of its own, as parsed. */
  static CallRecord parsed(String model, String detail) {
    var call = Records.call(AT, new String("/v1/chat/completions"), new String(model), 120);
    var routing =
        new CallRecord.Routing(
            new String("cheapest-that-holds"),
            new String("holds"),
            List.of(new String(model), new String("gpt-4o")),
            new String(model),
            new String("gpt-4o"),
            null,
            0.0012,
            null,
            detail);
    return new CallRecord(
        call.at(),
        call.promptId(),
        call.traceId(),
        call.labels(),
        call.outcome(),
        call.failure(),
        call.numbers(),
        routing,
        CallRecord.Quality.unscored(new String("budget")),
        call.security(),
        null,
        null);
  }

  @Test
  void recordsWithTheSameLabelsAndCodesShareThem() {
    var first = compactor.compact(parsed("gpt-4o-mini", "gpt-4o-mini holds over 120 calls"));
    var second = compactor.compact(parsed("gpt-4o-mini", "gpt-4o-mini holds over 121 calls"));

    assertThat(second.labels()).isSameAs(first.labels());
    assertThat(second.quality()).isSameAs(first.quality());
    assertThat(second.routing().candidates()).isSameAs(first.routing().candidates());
    assertThat(second.routing().policy()).isSameAs(first.routing().policy());
    assertThat(second.routing().chosenModel()).isSameAs(first.routing().chosenModel());
    assertThat(second.routing()).isNotSameAs(first.routing()); // its savings are the call's own
  }

  @Test
  void aDecisionThatSavedNothingIsShared() {
    var call = Records.call(AT, "/qa", "gemini-2.5-flash", 100);

    assertThat(compactor.compact(call).routing())
        .isSameAs(compactor.compact(Records.call(AT, "/qa", "gemini-2.5-flash", 90)).routing());
  }

  @Test
  void aCompactedRecordKeepsEverythingButTheRoutingSentence() {
    var call = parsed("gpt-4o-mini", "gpt-4o-mini holds over 120 calls");

    var kept = compactor.compact(call);

    assertThat(kept.routing().detail()).isNull();
    assertThat(kept).usingRecursiveComparison().ignoringFields("routing.detail").isEqualTo(call);
  }

  @Test
  void scoredQualityIsTheCallsOwn() {
    var scored = Records.scored(parsed("gpt-4o-mini", null), 0.91, false);

    assertThat(compactor.compact(scored).quality()).isSameAs(scored.quality());
    assertThat(compactor.size()).isLessThan(10);
  }

  @Test
  void pastTheCapValuesAreKeptAsTheyCame() {
    for (int i = 0; i < CallRecordCompactor.MAX_VALUES; i++) {
      compactor.compact(parsed("model-" + i, null));
    }
    var late = parsed("one-model-too-many", null);

    var kept = compactor.compact(late);

    assertThat(compactor.size()).isEqualTo(CallRecordCompactor.MAX_VALUES);
    assertThat(kept.labels()).isSameAs(late.labels());
    assertThat(kept).usingRecursiveComparison().isEqualTo(late);
  }
}
