package dev.lrcp.forecast;

import dev.lrcp.series.Series;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * Projects a month's spend from a spend series (cost per interval) and a budget: what the month has
 * spent, plus the forecast of every remaining interval of the month.
 */
final class BudgetProjector {

  private final Forecaster forecaster;

  BudgetProjector(Forecaster forecaster) {
    this.forecaster = forecaster;
  }

  BudgetProjection project(Series spend, YearMonth month, double budget, ZoneId zone) {
    long start = month.atDay(1).atStartOfDay(zone).toEpochSecond();
    long end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toEpochSecond();
    Running total = new Running(budget);
    for (int i = 0; i < spend.size(); i++) {
      long t = spend.epochSeconds()[i];
      if (t >= start && t < end) {
        double v = spend.values()[i];
        total.add(v, v, v, date(t, zone));
      }
    }
    double spent = total.point;
    long last = spend.epochSeconds()[spend.size() - 1];
    long interval = Math.max(spend.interval(), 1);
    int steps = (int) Math.max(0, (end - last - 1) / interval);
    List<Forecast.Point> ahead =
        steps == 0 ? List.of() : forecaster.forecast(spend, steps).points();
    for (Forecast.Point p : ahead) {
      long t = p.timestamp().getEpochSecond();
      if (t >= start && t < end) {
        total.add(p.value(), p.lower80(), p.upper80(), date(t, zone));
      }
    }
    return new BudgetProjection(
        month,
        budget,
        spent,
        total.point,
        total.low,
        total.high,
        total.on,
        total.earliest,
        total.latest);
  }

  private static LocalDate date(long epochSecond, ZoneId zone) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
  }

  /** Cumulative spend (point and 80 % bounds) and the first day each reaches the budget. */
  private static final class Running {
    private final double budget;
    private double point;
    private double low;
    private double high;
    private LocalDate on;
    private LocalDate earliest;
    private LocalDate latest;

    Running(double budget) {
      this.budget = budget;
    }

    void add(double value, double lower, double upper, LocalDate day) {
      point += value;
      low += lower;
      high += upper;
      on = on == null && point >= budget ? day : on;
      earliest = earliest == null && high >= budget ? day : earliest;
      latest = latest == null && low >= budget ? day : latest;
    }
  }
}
