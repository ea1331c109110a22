package dev.lrcp.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrcp.series.Series;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ForecasterTests {

  static final long START = 1_700_006_400L; // a midnight UTC
  static final Forecaster FORECASTER = new Forecaster();

  /** Hourly: daily and weekly pattern plus seeded noise. */
  static Series hourly(int n, double noise, long seed) {
    var random = new SplittableRandom(seed);
    double[] v =
        IntStream.range(0, n)
            .mapToDouble(
                t ->
                    100
                        + 40 * Math.sin(2 * Math.PI * t / 24)
                        + (t / 24 % 7 >= 5 ? -30 : 0)
                        + noise * (random.nextDouble() - 0.5))
            .toArray();
    return series(3600, v);
  }

  static Series series(long interval, double[] values) {
    long[] t = IntStream.range(0, values.length).mapToLong(i -> START + i * interval).toArray();
    return new Series(t, values, List.of());
  }

  @Test
  void aSeasonalSeriesGetsHoltWintersThatBeatsSeasonalNaiveWithCalibratedIntervals() {
    Forecast f = FORECASTER.forecast(hourly(6 * 168, 20, 1), 24);

    assertThat(f.method()).isEqualTo("holt_winters_daily_weekly");
    assertThat(f.seasons()).containsExactly(24, 168);
    assertThat(f.note()).isNull();
    assertThat(f.backtest().relativeToSeasonalNaive()).isLessThan(0.8);
    assertThat(f.backtest().coverage80()).isBetween(0.65, 0.95);
    assertThat(f.backtest().coverage95()).isGreaterThan(f.backtest().coverage80());
    assertThat(f.backtest().origins()).isEqualTo(Backtest.MAX_ORIGINS);
  }

  @Test
  void theForecastFollowsTheWeeklyPattern() {
    Series s = hourly(5 * 168, 0, 2);
    double[] truth = hourly(5 * 168 + 48, 0, 2).values();

    List<Forecast.Point> points = FORECASTER.forecast(s, 48).points();

    for (int k = 0; k < 48; k++) {
      assertThat(points.get(k).value()).isCloseTo(truth[5 * 168 + k], within(2.0));
    }
  }

  @Test
  void fewerThanTwoSeasonsFallBackToSeasonalNaiveAndLessThanOneToDrift() {
    Forecast naive = FORECASTER.forecast(hourly(40, 5, 3), 6);
    Forecast drift = FORECASTER.forecast(series(3600, new double[] {1, 2, 3, 4, 5}), 2);

    assertThat(naive.method()).isEqualTo("seasonal_naive");
    assertThat(naive.note()).contains("fewer than two seasons");
    assertThat(naive.backtest()).isNull();
    assertThat(drift.method()).isEqualTo("drift");
    assertThat(drift.note()).contains("less than one season");
    assertThat(drift.points()).extracting(Forecast.Point::value).containsExactly(6.0, 7.0);
  }

  @Test
  void anIntervalThatDoesNotDivideADayHasNoSeason() {
    double[] v = IntStream.range(0, 500).mapToDouble(i -> 2.0 * i).toArray();

    Forecast f = FORECASTER.forecast(series(420 * 60 + 7, v), 3);

    assertThat(f.method()).isEqualTo("drift");
    assertThat(f.seasons()).isEmpty();
    assertThat(f.points().get(0).value()).isCloseTo(1000.0, within(1e-9));
  }

  @Test
  void stepsContinueAtTheSeriesIntervalWithNestedNonNegativeIntervals() {
    Series s = hourly(4 * 168, 60, 4);

    List<Forecast.Point> points = FORECASTER.forecast(s, 30).points();

    assertThat(points).hasSize(30);
    assertThat(points.get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(START + 4 * 168 * 3600));
    assertThat(points.get(29).timestamp())
        .isEqualTo(Instant.ofEpochSecond(START + (4 * 168 + 29) * 3600L));
    assertThat(points)
        .allSatisfy(
            p -> {
              assertThat(p.lower95()).isLessThanOrEqualTo(p.lower80()).isGreaterThanOrEqualTo(0);
              assertThat(p.lower80()).isLessThanOrEqualTo(p.value());
              assertThat(p.upper80()).isBetween(p.value(), p.upper95());
            });
  }

  @Test
  void theSameSeriesGivesTheSameForecast() {
    Series s = hourly(3 * 168, 30, 5);

    assertThat(FORECASTER.forecast(s, 24)).isEqualTo(FORECASTER.forecast(s, 24));
  }
}
