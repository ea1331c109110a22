package dev.lrcp.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftFinderTests {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** One call a second on /reason, {@code latencies} in order. */
  static List<CallRecord> series(long... latencies) {
    var calls = new ArrayList<CallRecord>();
    for (int i = 0; i < latencies.length; i++) {
      calls.add(Records.call(T0.plusSeconds(i), "/reason", "gemini-2.5-pro", latencies[i]));
    }
    return calls;
  }

  static long[] steps(int before, long from, int after, long to) {
    long[] v = new long[before + after];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i < before ? from : to) + (i * 37L) % 100;
    }
    return v;
  }

  @Test
  void findsWhereLatencyStepsUpAndHowSureThatIs() {
    var shift =
        ShiftFinder.find(series(steps(30, 500, 10, 4000)), Measure.LATENCY, 5).orElseThrow();

    assertThat(shift.at()).isEqualTo(T0.plusSeconds(30));
    assertThat(shift.before()).isEqualTo(30);
    assertThat(shift.after()).isEqualTo(10);
    assertThat(shift.valueBefore()).isBetween(500.0, 600.0);
    assertThat(shift.valueAfter()).isBetween(4000.0, 4100.0);
    assertThat(shift.significance()).isGreaterThan(0.999);
  }

  @Test
  void aSteadySeriesOrADropIsNoShift() {
    assertThat(ShiftFinder.find(series(steps(20, 500, 20, 500)), Measure.LATENCY, 5)).isEmpty();
    assertThat(ShiftFinder.find(series(steps(20, 4000, 20, 500)), Measure.LATENCY, 5)).isEmpty();
  }

  @Test
  void needsEnoughCallsOnBothSides() {
    assertThat(ShiftFinder.find(series(steps(4, 500, 5, 4000)), Measure.LATENCY, 5)).isEmpty();
    assertThat(ShiftFinder.find(series(steps(5, 500, 5, 4000)), Measure.LATENCY, 5)).isPresent();
  }

  @Test
  void aSmallWobbleInFewCallsIsNotSignificant() {
    assertThat(
            ShiftFinder.find(
                series(500, 520, 480, 510, 530, 560, 540, 500, 590, 550), Measure.LATENCY, 5))
        .isEmpty();
  }

  @Test
  void callsWithoutAValueOfTheMeasureAreSkipped() {
    var calls = new ArrayList<CallRecord>();
    for (int i = 0; i < 30; i++) {
      var qa = Records.call(T0.plusSeconds(i), "/qa", "gemini-2.5-flash", 400);
      calls.add(Records.scored(qa, i < 20 ? 0.9 : 0.1, i >= 20));
      calls.add(Records.call(T0.plusSeconds(i), "/reason", "gemini-2.5-pro", 400)); // unscored
    }

    var shift = ShiftFinder.find(calls, Measure.UNGROUNDED, 5).orElseThrow();

    assertThat(shift.before()).isEqualTo(20);
    assertThat(shift.after()).isEqualTo(10);
    assertThat(shift.valueAfter()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
  }
}
