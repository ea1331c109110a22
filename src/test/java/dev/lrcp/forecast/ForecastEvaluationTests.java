package dev.lrcp.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the forecast figures on hourly NAB series (docs/insights.md): 24-step MASE well below
 * seasonal-naive's, and 80 % intervals that hold about 80 % of the outcomes. Reads {@code
 * ../shared/data/nab-dev} (or {@code -Dlrcp.data.dir}) and fails when it is missing.
 */
class ForecastEvaluationTests {

  @Test
  void hourlyForecastsBeatSeasonalNaiveWithCalibratedIntervals() {
    List<ForecastEvaluation.Row> rows = ForecastEvaluation.run();
    ForecastEvaluation.Row all = ForecastEvaluation.overall(rows);

    assertThat(rows).hasSize(11);
    assertThat(all.ratio()).isLessThanOrEqualTo(0.85);
    assertThat(all.coverage80()).isBetween(0.75, 0.85);
    assertThat(all.coverage95()).isBetween(0.90, 0.98);
  }
}
