package dev.lrcp.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrendPredictorTests {

  @Test
  void extrapolatesARisingLatencyToTheObjective() {
    var series =
        Arrays.asList(null, null, null, null, 900.0, 1200.0, 1500.0, 1800.0, 2100.0, 2400.0);
    var p = TrendPredictor.predict("p95 latency", "endpoint:/reason", series, 3000, "ms");
    assertThat(p.slopePerMinute()).isEqualTo(300.0);
    assertThat(p.minutesToBreach()).isEqualTo(2.0);
    assertThat(p.message())
        .isEqualTo(
            "p95 latency on endpoint:/reason rose from 900 ms to 2,400 ms over 5 minutes; at this"
                + " trend the objective of 3,000 ms is breached in about 2 minutes");
  }

  @Test
  void saysSoWhenTheObjectiveIsAlreadyBreached() {
    var p =
        TrendPredictor.predict("error rate", "service", Arrays.asList(0.01, 0.04, 0.09), 0.05, "%");
    assertThat(p.minutesToBreach()).isNull();
    assertThat(p.message()).endsWith("it is above the objective of 5.0% now");
  }

  @Test
  void needsThreeMeasuredMinutes() {
    assertThat(TrendPredictor.predict("x", "service", Arrays.asList(null, 1.0, 2.0), 5, "ms"))
        .isNull();
  }
}
