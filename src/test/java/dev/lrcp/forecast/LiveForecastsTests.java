package dev.lrcp.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrcp.health.MutableClock;
import dev.lrcp.storage.HourlyTotals.Slice;
import dev.lrcp.storage.StorageProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LiveForecastsTests {

  static final StorageProperties STORAGE =
      new Binder(new MapConfigurationPropertySource(Map.of()))
          .bindOrCreate("lrcp.storage", StorageProperties.class);
  static final Instant FIRST = Instant.parse("2026-11-10T00:00:00Z");

  static final int HOURS = 7 * 24;

  /** A week of hourly spend of every slice, and 30 minutes into the next hour. */
  final FakeHourlyTotals totals = new FakeHourlyTotals(FIRST, HOURS, s -> true);

  final MutableClock clock = new MutableClock(FIRST.plus(Duration.ofHours(HOURS).plusMinutes(30)));
  final LiveForecasts forecasts = new LiveForecasts(totals, STORAGE, clock);

  @Test
  void forecastsTheNextDayFromTheLastCompleteHourWithIntervalsAndItsOwnBacktest() {
    LiveForecast f = forecasts.forecast(ForecastMetric.COST, Slice.SERVICE, 24);

    assertThat(f.method()).isEqualTo("holt_winters_daily");
    assertThat(f.forecast()).hasSize(24);
    assertThat(f.forecast().getFirst().timestamp()).isEqualTo(FIRST.plus(Duration.ofHours(HOURS)));
    assertThat(f.history()).hasSize(HOURS);
    assertThat(f.backtest()).isNotNull();
    assertThat(f.confidence()).isEqualTo(f.backtest().coverage80());
    assertThat(f.confidenceBasis()).startsWith("backtest: ");
    // the series repeats daily: the next day's spend is about 24 dollars
    assertThat(f.total().value()).isCloseTo(24, within(1.0));
    assertThat(f.total().lower80()).isLessThan(f.total().value());
    assertThat(f.total().upper80()).isGreaterThan(f.total().value());
    for (var p : f.forecast()) {
      assertThat(p.lower95()).isLessThanOrEqualTo(p.lower80());
      assertThat(p.upper95()).isGreaterThanOrEqualTo(p.upper80());
    }
  }

  @Test
  void theMonthsProjectionAddsTheForecastToWhatTheMonthSpent() {
    LiveForecast f = forecasts.forecast(ForecastMetric.COST, Slice.SERVICE, 24);

    var month = f.month();
    assertThat(month.month()).isEqualTo("2026-11");
    assertThat(month.spentUsd()).isCloseTo(HOURS, within(1.0));
    // 13 days and 23.5 hours left of November at about a dollar an hour
    assertThat(month.projectedUsd()).isCloseTo(HOURS + 13 * 24 + 23.5, within(12.0));
    assertThat(month.summary()).startsWith("at this rate the 2026-11 spend reaches $");
    assertThat(forecasts.forecast(ForecastMetric.REQUESTS, Slice.SERVICE, 24).month()).isNull();
  }

  @Test
  void theGaugesFigureIsTheServicesNextDayTotal() {
    SpendForecast next = forecasts.nextDaySpend();
    var total = forecasts.forecast(ForecastMetric.COST, Slice.SERVICE, 24).total();

    assertThat(next.expectedUsd()).isEqualTo(total.value());
    assertThat(next.lower80Usd()).isEqualTo(total.lower80());
    assertThat(next.upper80Usd()).isEqualTo(total.upper80());
    assertThat(next.method()).isEqualTo("holt_winters_daily");
    assertThat(next.coverage80()).isNotNull();
  }

  @Test
  void aBudgetRunsOutWhenTheProjectedSpendReachesIt() {
    Instant dayEnd = Instant.parse("2026-11-18T00:00:00Z");
    // $5 spent today by 00:30, $12 limit: about seven more hours at a dollar an hour
    var outlook = forecasts.outlook(new BudgetQuery(null, "k1", dayEnd, 12, 5));

    assertThat(outlook.runsOutAt())
        .isBetween(
            clock.instant().plus(Duration.ofHours(4)), clock.instant().plusSeconds(9 * 3600));
    assertThat(outlook.runsOutEarliest80()).isBeforeOrEqualTo(outlook.runsOutAt());
    assertThat(outlook.projectedUsd()).isGreaterThan(12);
    assertThat(outlook.method()).isEqualTo("holt_winters_daily");

    var spent = forecasts.outlook(new BudgetQuery("shop", null, dayEnd, 4, 5));
    assertThat(spent.runsOutAt()).isNull();
    assertThat(spent.note()).isEqualTo("the budget is spent");
  }

  @Test
  void withoutHistoryThereIsNoForecastAndNoOutlookButAReason() {
    var empty = new FakeHourlyTotals(FIRST, HOURS, s -> false);
    var none = new LiveForecasts(empty, STORAGE, clock);

    assertThat(none.forecast(ForecastMetric.COST, new Slice("/qa", null, null, null), 24))
        .satisfies(
            f -> {
              assertThat(f.forecast()).isEmpty();
              assertThat(f.method()).isNull();
              assertThat(f.note()).isEqualTo("fewer than 3 hours of history for endpoint:/qa");
            });
    assertThat(none.nextDaySpend()).isNull();
    var outlook = none.outlook(new BudgetQuery(null, "k1", clock.instant(), 10, 0));
    assertThat(outlook.projectedUsd()).isNull();
    assertThat(outlook.note()).startsWith("fewer than 3 hours");
  }

  @Test
  void aShortHistoryFallsBackToDriftAndSaysSo() {
    var short10 = new FakeHourlyTotals(FIRST.plus(Duration.ofHours(HOURS - 10)), 10, s -> true);
    var f =
        new LiveForecasts(short10, STORAGE, clock).forecast(ForecastMetric.COST, Slice.SERVICE, 24);

    assertThat(f.method()).isEqualTo("drift");
    assertThat(f.note()).contains("less than one season");
    assertThat(f.backtest()).isNull();
    assertThat(f.confidence()).isNull();
    assertThat(f.confidenceBasis()).startsWith("no backtest");
  }

  @Test
  void readsAndForecastsAreReusedWithinAMinute() {
    forecasts.forecast(ForecastMetric.COST, Slice.SERVICE, 24);
    int reads = totals.reads;

    forecasts.forecast(ForecastMetric.COST, Slice.SERVICE, 24);
    forecasts.nextDaySpend();
    assertThat(totals.reads).isEqualTo(reads);

    clock.advance(Duration.ofMinutes(2));
    forecasts.forecast(ForecastMetric.COST, Slice.SERVICE, 24);
    assertThat(totals.reads).isGreaterThan(reads);
  }
}
