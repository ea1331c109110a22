package dev.lrcp.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrcp.series.Series;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BudgetProjectorTests {

  static final BudgetProjector PROJECTOR = new BudgetProjector(new Forecaster());

  /** One dollar an hour from 2026-10-01 to the end of 2026-11-10 (UTC). */
  static Series flatSpend() {
    long start = LocalDate.of(2026, 10, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    int hours = (31 + 10) * 24;
    long[] t = IntStream.range(0, hours).mapToLong(i -> start + 3600L * i).toArray();
    double[] v = new double[hours];
    Arrays.fill(v, 1.0);
    return new Series(t, v, List.of());
  }

  @Test
  void projectsTheMonthAndTheDayTheBudgetRunsOut() {
    BudgetProjection p =
        PROJECTOR.project(flatSpend(), YearMonth.of(2026, 11), 480, ZoneOffset.UTC);

    assertThat(p.spent()).isCloseTo(240, within(1e-9));
    assertThat(p.projected()).isCloseTo(720, within(1.0));
    assertThat(p.runsOutOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(p.summary())
        .contains("2026-11 spend reaches $720")
        .contains("budget runs out on 2026-11-20");
  }

  @Test
  void aBudgetLargerThanTheProjectionLastsTheMonth() {
    BudgetProjection p =
        PROJECTOR.project(flatSpend(), YearMonth.of(2026, 11), 10_000, ZoneOffset.UTC);

    assertThat(p.runsOutOn()).isNull();
    assertThat(p.runsOutLatest80()).isNull();
    assertThat(p.summary()).contains("lasts the month");
  }

  @Test
  void aBudgetAlreadySpentRunsOutOnTheDayItWasCrossed() {
    BudgetProjection p = PROJECTOR.project(flatSpend(), YearMonth.of(2026, 11), 50, ZoneOffset.UTC);

    assertThat(p.runsOutOn()).isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(p.runsOutEarliest80()).isEqualTo(LocalDate.of(2026, 11, 3));
  }
}
