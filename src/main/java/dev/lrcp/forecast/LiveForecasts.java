package dev.lrcp.forecast;

import dev.lrcp.series.Series;
import dev.lrcp.storage.HourlyTotals;
import dev.lrcp.storage.HourlyTotals.Slice;
import dev.lrcp.storage.StorageProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The forecast engine on the service's own hourly totals ({@link HourlyTotals}): forecasts of a
 * slice's spend, requests or tokens, the month's spend at this rate, and when a budget runs out.
 * Reads and forecasts are cached for a minute, so polling clients and {@code GET /budgets} cost one
 * computation per slice and minute.
 */
@Component
public class LiveForecasts {

  /** Hours of history a forecast needs at least. */
  static final int MIN_HISTORY = 3;

  static final int DAY = 24;
  private static final int HISTORY_SHOWN = 7 * DAY;
  private static final long HOUR = 3600;

  private final HourlyTotals totals;
  private final Duration retention;
  private final Clock clock;
  private final Forecaster forecaster = new Forecaster();
  private final Memo memo;

  LiveForecasts(HourlyTotals totals, StorageProperties storage, Clock clock) {
    this.totals = totals;
    this.retention = storage.rollupRetention();
    this.clock = clock;
    this.memo = new Memo(clock);
  }

  /** The slice's metric {@code hours} ahead from the last complete hour. */
  LiveForecast forecast(ForecastMetric metric, Slice slice, int hours) {
    Instant now = clock.instant();
    Series series = series(metric, slice, now);
    String scope = label(slice);
    if (series == null) {
      return new LiveForecast(
          metric.id(),
          metric.unit(),
          scope,
          "1h",
          List.of(),
          List.of(),
          null,
          List.of(),
          "fewer than " + MIN_HISTORY + " hours of history for " + scope,
          null,
          null,
          null,
          "no forecast",
          null,
          now);
    }
    Forecast f = ahead(metric, slice, series, hours, now);
    var accuracy = f.backtest();
    return new LiveForecast(
        metric.id(),
        metric.unit(),
        scope,
        "1h",
        shown(series),
        f.points(),
        f.method(),
        f.seasons(),
        f.note(),
        accuracy,
        LiveForecast.Total.of(f.points()),
        accuracy == null ? null : accuracy.coverage80(),
        accuracy == null
            ? "no backtest: fewer than " + Backtest.MIN_ORIGINS + " origins in the history"
            : String.format(
                Locale.ROOT,
                "backtest: %d forecasts of %d h, 80 %% intervals held %.0f %% of later outcomes",
                accuracy.origins(),
                accuracy.horizon(),
                100 * accuracy.coverage80()),
        metric == ForecastMetric.COST ? month(slice, series, now) : null,
        now);
  }

  /** The next 24 hours of the whole service's spend; null without history. */
  public SpendForecast nextDaySpend() {
    Instant now = clock.instant();
    Series series = series(ForecastMetric.COST, Slice.SERVICE, now);
    if (series == null) {
      return null;
    }
    Forecast f = ahead(ForecastMetric.COST, Slice.SERVICE, series, DAY, now);
    var total = LiveForecast.Total.of(f.points());
    var b = f.backtest();
    return new SpendForecast(
        now,
        total.value(),
        total.lower80(),
        total.upper80(),
        f.method(),
        b == null ? null : b.coverage80(),
        b == null ? null : b.relativeToSeasonalNaive(),
        f.note());
  }

  /** When the budget runs out at the projected rate of its application's or key's spend. */
  public BudgetOutlook outlook(BudgetQuery q) {
    Instant now = clock.instant();
    var slice = new Slice(null, null, q.application(), q.key());
    Series series = series(ForecastMetric.COST, slice, now);
    if (series == null) {
      return BudgetOutlook.unavailable(
          "fewer than " + MIN_HISTORY + " hours of spend history to forecast from");
    }
    var projector =
        new BudgetProjector((s, steps) -> ahead(ForecastMetric.COST, slice, s, steps, now));
    var p = projector.project(series, q.spentUsd(), q.limitUsd(), now, q.periodEnd());
    return new BudgetOutlook(
        p.projected(),
        p.projectedLower80(),
        p.projectedUpper80(),
        p.runsOutAt(),
        p.runsOutEarliest80(),
        p.runsOutLatest80(),
        p.method(),
        p.spentOut() ? "the budget is spent" : p.note());
  }

  private LiveForecast.Month month(Slice slice, Series series, Instant now) {
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    double spent =
        memo.get(
            List.of("spent", slice, month, now.getEpochSecond() / 60),
            () ->
                totals.between(slice, start, now.plusSeconds(HOUR)).stream()
                    .mapToDouble(HourlyTotals.Hour::costUsd)
                    .sum());
    var projector =
        new BudgetProjector((s, steps) -> ahead(ForecastMetric.COST, slice, s, steps, now));
    var p = projector.project(series, spent, null, now, end);
    return new LiveForecast.Month(
        month.toString(),
        spent,
        p.projected(),
        p.projectedLower80(),
        p.projectedUpper80(),
        "at this rate the " + p.summary(month.toString(), ZoneOffset.UTC));
  }

  private Forecast ahead(
      ForecastMetric metric, Slice slice, Series series, int steps, Instant now) {
    return memo.get(
        List.of("forecast", metric, slice, steps, hour(now)),
        () -> forecaster.forecast(series, steps));
  }

  /**
   * Hourly values from the slice's first hour with calls within the rollups' retention to the last
   * complete hour, zero-filled; null with fewer than {@link #MIN_HISTORY} hours.
   */
  private Series series(ForecastMetric metric, Slice slice, Instant now) {
    long end = hour(now);
    List<HourlyTotals.Hour> hours =
        memo.get(
            List.of("hours", slice, end),
            () -> totals.between(slice, now.minus(retention), Instant.ofEpochSecond(end)));
    if (hours.isEmpty()) {
      return null;
    }
    long first = hours.getFirst().start().getEpochSecond();
    int n = (int) Math.min((end - first) / HOUR, Forecaster.MAX_HISTORY);
    if (n < MIN_HISTORY) {
      return null;
    }
    long start = end - n * HOUR;
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = start + i * HOUR;
    }
    for (HourlyTotals.Hour h : hours) {
      long i = (h.start().getEpochSecond() - start) / HOUR;
      if (i >= 0 && i < n) {
        v[(int) i] = metric.of(h);
      }
    }
    return new Series(t, v, List.of());
  }

  private static List<LiveForecast.Value> shown(Series s) {
    int from = Math.max(0, s.size() - HISTORY_SHOWN);
    return java.util.stream.IntStream.range(from, s.size())
        .mapToObj(
            i -> new LiveForecast.Value(Instant.ofEpochSecond(s.epochSeconds()[i]), s.values()[i]))
        .toList();
  }

  /** The start of the hour under way, in epoch seconds. */
  private static long hour(Instant now) {
    return Math.floorDiv(now.getEpochSecond(), HOUR) * HOUR;
  }

  static String label(Slice s) {
    var parts = new java.util.ArrayList<String>();
    if (s.endpoint() != null) parts.add("endpoint:" + s.endpoint());
    if (s.model() != null) parts.add("model:" + s.model());
    if (s.application() != null) parts.add("application:" + s.application());
    if (s.key() != null) parts.add("key:" + s.key());
    return parts.isEmpty() ? "service" : String.join(",", parts);
  }
}
