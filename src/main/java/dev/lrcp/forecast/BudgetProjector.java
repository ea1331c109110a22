package dev.lrcp.forecast;

import dev.lrcp.series.Series;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Projects a period's spend from a spend series (cost per interval, up to the last complete
 * interval) and an optional budget: what the period has spent, plus the forecast of what is left of
 * it, the interval under way counted for its remaining part only.
 */
final class BudgetProjector {

  /** Where the forecast of the remaining intervals comes from (a cache, live). */
  @FunctionalInterface
  interface Ahead {
    Forecast forecast(Series spend, int steps);
  }

  private final Ahead ahead;

  BudgetProjector(Forecaster forecaster) {
    this(forecaster::forecast);
  }

  BudgetProjector(Ahead ahead) {
    this.ahead = ahead;
  }

  /**
   * A month whose spend so far is the series' own points in it, projected from the end of the
   * series' last interval.
   */
  BudgetProjection project(Series spend, YearMonth month, Double budget, ZoneId zone) {
    long start = month.atDay(1).atStartOfDay(zone).toEpochSecond();
    long end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toEpochSecond();
    long interval = Math.max(spend.interval(), 1);
    var running = new Running(budget, 0, end);
    for (int i = 0; i < spend.size(); i++) {
      long t = spend.epochSeconds()[i];
      if (t >= start && t < end) {
        double v = spend.values()[i];
        running.add(t, t + interval, v, v, v);
      }
    }
    long now = spend.epochSeconds()[spend.size() - 1] + interval;
    return ahead(spend, running, now, interval);
  }

  /**
   * A period whose spend so far is known from elsewhere (a ledger): {@code spent} up to {@code
   * now}, the forecast from then to {@code periodEnd}.
   *
   * @param spend the series up to the last complete interval before {@code now}
   */
  BudgetProjection project(
      Series spend, double spent, Double budget, Instant now, Instant periodEnd) {
    var running = new Running(budget, spent, periodEnd.getEpochSecond());
    return ahead(spend, running, now.getEpochSecond(), Math.max(spend.interval(), 1));
  }

  private BudgetProjection ahead(Series spend, Running running, long now, long interval) {
    double spent = running.point;
    long last = spend.epochSeconds()[spend.size() - 1];
    int steps = (int) Math.max(0, Math.ceilDiv(running.end - last, interval) - 1);
    Forecast f = steps > 0 ? ahead.forecast(spend, steps) : null;
    if (f != null) {
      for (Forecast.Point p : f.points()) {
        long from = Math.max(p.timestamp().getEpochSecond(), now);
        long to = p.timestamp().getEpochSecond() + interval;
        if (from < to) {
          double part = (double) (Math.min(to, running.end) - from) / interval;
          running.add(
              from,
              Math.min(to, running.end),
              part * p.value(),
              part * p.lower80(),
              part * p.upper80());
        }
      }
    }
    return running.projection(spent, f);
  }

  /** Cumulative spend (point and 80 % bounds) and when each first reaches the budget. */
  private static final class Running {
    private final Double budget;
    private final long end;
    private final boolean spentOut;
    private double point;
    private double low;
    private double high;
    private Instant on;
    private Instant earliest;
    private Instant latest;

    Running(Double budget, double spent, long end) {
      this.budget = budget;
      this.end = end;
      this.point = spent;
      this.low = spent;
      this.high = spent;
      this.spentOut = budget != null && spent >= budget && (spent > 0 || budget == 0);
    }

    /** Adds the spend of [from, to); a crossing inside it is placed by linear interpolation. */
    void add(long from, long to, double value, double lower, double upper) {
      if (budget != null && !spentOut) {
        on = on != null ? on : crossing(from, to, point, value);
        earliest = earliest != null ? earliest : crossing(from, to, high, upper);
        latest = latest != null ? latest : crossing(from, to, low, lower);
      }
      point += value;
      low += lower;
      high += upper;
    }

    private Instant crossing(long from, long to, double before, double added) {
      if (before + added < budget || added <= 0) {
        return null;
      }
      double share = Math.max(0, (budget - before) / added);
      return Instant.ofEpochSecond(from + Math.round(share * (to - from)));
    }

    BudgetProjection projection(double spent, Forecast f) {
      return new BudgetProjection(
          Instant.ofEpochSecond(end),
          budget,
          spent,
          point,
          low,
          high,
          on,
          earliest,
          latest,
          spentOut,
          f == null ? null : f.method(),
          f == null ? null : f.note());
    }
  }
}
