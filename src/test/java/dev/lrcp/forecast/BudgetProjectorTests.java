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
        PROJECTOR.project(flatSpend(), YearMonth.of(2026, 11), 480.0, ZoneOffset.UTC);

    assertThat(p.spent()).isCloseTo(240, within(1e-9));
    assertThat(p.projected()).isCloseTo(720, within(1.0));
    assertThat(day(p.runsOutAt())).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(p.summary("2026-11", ZoneOffset.UTC))
        .contains("2026-11 spend reaches $720")
        .contains("budget runs out on 2026-11-20");
  }

  @Test
  void aBudgetLargerThanTheProjectionLastsTheMonth() {
    BudgetProjection p =
        PROJECTOR.project(flatSpend(), YearMonth.of(2026, 11), 10_000.0, ZoneOffset.UTC);

    assertThat(p.runsOutAt()).isNull();
    assertThat(p.runsOutLatest80()).isNull();
    assertThat(p.summary("2026-11", ZoneOffset.UTC)).contains("lasts the period");
  }

  @Test
  void aBudgetAlreadySpentRunsOutOnTheDayItWasCrossed() {
    BudgetProjection p =
        PROJECTOR.project(flatSpend(), YearMonth.of(2026, 11), 50.0, ZoneOffset.UTC);

    assertThat(day(p.runsOutAt())).isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(day(p.runsOutEarliest80())).isEqualTo(LocalDate.of(2026, 11, 3));
  }

  @Test
  void aLedgerSpendIsProjectedFromNowCountingOnlyWhatIsLeftOfTheCurrentHour() {
    // the series ends with 2026-11-10T23:00; now is 2026-11-11T00:30, $30 spent in November so far
    var now = java.time.Instant.parse("2026-11-11T00:30:00Z");
    var end = java.time.Instant.parse("2026-11-12T00:00:00Z");

    BudgetProjection p = PROJECTOR.project(flatSpend(), 30, 40.0, now, end);

    assertThat(p.spent()).isEqualTo(30);
    assertThat(p.projected()).isCloseTo(30 + 23.5, within(0.05));
    assertThat(p.runsOutAt()).isBetween(now.plusSeconds(9 * 3600), now.plusSeconds(11 * 3600));
    assertThat(p.runsOutEarliest80()).isBeforeOrEqualTo(p.runsOutAt());
  }

  @Test
  void aLedgerSpendOverTheBudgetIsSpentWithoutADate() {
    var now = java.time.Instant.parse("2026-11-11T00:30:00Z");

    BudgetProjection p = PROJECTOR.project(flatSpend(), 45, 40.0, now, now.plusSeconds(86_400));

    assertThat(p.spentOut()).isTrue();
    assertThat(p.runsOutAt()).isNull();
    assertThat(p.summary("2026-11-11", ZoneOffset.UTC)).endsWith("the $40.00 budget is spent");
  }

  private static LocalDate day(java.time.Instant at) {
    return BudgetProjection.day(at, ZoneOffset.UTC);
  }
}
