package dev.lrcp.forecast;

import dev.lrcp.series.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rolling-origin evaluation of {@link Forecaster} on hourly NAB series: one origin per day at
 * midnight over the last {@link #DAYS} days, each forecast made from the history before it only, 24
 * steps ahead, against seasonal-naive (the value 24 hours earlier) over the same targets.
 */
public final class ForecastEvaluation {

  static final int DAYS = 28;
  static final int HORIZON = 24;

  /** Figures of one series: MASE of both methods (same scale), and interval coverage. */
  record Row(String series, double mase, double naiveMase, double coverage80, double coverage95) {
    double ratio() {
      return mase / naiveMase;
    }
  }

  private ForecastEvaluation() {}

  public static void main(String[] args) {
    List<Row> rows = run();
    System.out.println(
        "| series | MASE | seasonal-naive MASE | ratio | coverage 80 % | coverage 95 % |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
          r.series(),
          r.mase(),
          r.naiveMase(),
          r.ratio(),
          r.coverage80(),
          r.coverage95());
    }
    Row all = overall(rows);
    System.out.printf(
        Locale.ROOT,
        "| all (mean) | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
        all.mase(),
        all.naiveMase(),
        all.ratio(),
        all.coverage80(),
        all.coverage95());
  }

  static List<Row> run() {
    List<Row> rows = new ArrayList<>();
    for (String file : HourlySeries.FILES) {
      rows.add(evaluate(file.substring(file.indexOf('/') + 1), HourlySeries.load(file)));
    }
    return rows;
  }

  static Row overall(List<Row> rows) {
    return new Row(
        "all",
        rows.stream().mapToDouble(Row::mase).average().orElseThrow(),
        rows.stream().mapToDouble(Row::naiveMase).average().orElseThrow(),
        rows.stream().mapToDouble(Row::coverage80).average().orElseThrow(),
        rows.stream().mapToDouble(Row::coverage95).average().orElseThrow());
  }

  static Row evaluate(String name, Series s) {
    double[] y = s.values();
    long[] t = s.epochSeconds();
    int last = y.length - HORIZON;
    List<Integer> origins = new ArrayList<>();
    for (int o = last; o > 0 && origins.size() < DAYS; o--) {
      if (Math.floorMod(t[o], 86_400) == 0) {
        origins.add(0, o);
      }
    }
    double scale = 0;
    int first = origins.get(0);
    for (int i = 24; i < first; i++) {
      scale += Math.abs(y[i] - y[i - 24]) / (first - 24);
    }
    double ours = 0;
    double naive = 0;
    int in80 = 0;
    int in95 = 0;
    var forecaster = new Forecaster();
    for (int o : origins) {
      var history = new Series(Arrays.copyOf(t, o), Arrays.copyOf(y, o), List.of());
      List<Forecast.Point> f = forecaster.forecast(history, HORIZON).points();
      for (int k = 0; k < HORIZON; k++) {
        double actual = y[o + k];
        Forecast.Point p = f.get(k);
        ours += Math.abs(actual - p.value());
        naive += Math.abs(actual - y[o + k - 24]);
        in80 += actual >= p.lower80() && actual <= p.upper80() ? 1 : 0;
        in95 += actual >= p.lower95() && actual <= p.upper95() ? 1 : 0;
      }
    }
    int n = origins.size() * HORIZON;
    return new Row(name, ours / n / scale, naive / n / scale, (double) in80 / n, (double) in95 / n);
  }
}
