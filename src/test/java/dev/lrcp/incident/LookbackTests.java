package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.anomaly.Measure;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LookbackTests {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final Instant RESTART = T0.plusSeconds(600);

  /** Ten minutes of normal /reason calls before a restart, then slow ones after it. */
  final List<CallRecord> all = new ArrayList<>();

  final AtomicInteger historyReads = new AtomicInteger();

  /** What a replica restarted at {@link #RESTART} holds in memory, and storage beyond it. */
  final CallSource restarted =
      new CallSource() {
        @Override
        public List<CallRecord> between(Instant from, Instant to) {
          return window(from.isBefore(RESTART) ? RESTART : from, to);
        }

        @Override
        public List<CallRecord> history(Instant from, Instant to) {
          historyReads.incrementAndGet();
          return window(from, to);
        }
      };

  LookbackTests() {
    for (int s = 0; s < 660; s += 3) {
      all.add(Records.call(T0.plusSeconds(s), "/reason", "gemini-2.5-pro", s < 600 ? 900 : 5000));
    }
  }

  private List<CallRecord> window(Instant from, Instant to) {
    return all.stream().filter(c -> !c.at().isBefore(from) && c.at().isBefore(to)).toList();
  }

  private static Finding slowReason() {
    var m = new Finding.Measurement("llm.request.latency_ms", "p95", 5000, 3000, "ms", 20, null);
    return new Finding(
        Rule.LATENCY_SLO,
        Scope.endpoint("/reason"),
        Severity.SEV_2,
        "p95 latency on /reason is 5,000 ms, SLO 3,000 ms",
        1.7,
        m,
        Measure.LATENCY,
        List.of());
  }

  @Test
  void aRestartedReplicaExplainsFromTheStoredCallsItNoLongerHoldsInMemory() {
    Instant now = T0.plusSeconds(660);
    Instant from = T0;
    var lookback = new Lookback(restarted, from, now);

    var attribution = lookback.explain(slowReason());
    lookback.explain(slowReason());

    assertThat(attribution.basis()).isNotNull();
    assertThat(attribution.basis().since()).isEqualTo(RESTART);
    assertThat(attribution.baseline()).isEqualTo(900.0);
    assertThat(attribution.confidence()).isGreaterThan(0.9);
    assertThat(attribution.top()).get().extracting(c -> c.value()).isEqualTo("/reason");
    assertThat(historyReads).as("stored calls read once per evaluation").hasValue(1);
  }

  @Test
  void memoryThatShowsTheChangeIsEnough() {
    Instant now = T0.plusSeconds(660);
    CallSource live = this::window;
    var lookback = new Lookback(live, T0, now);

    assertThat(lookback.explain(slowReason()).basis().callsBefore()).isEqualTo(200);
  }
}
