package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * An SLO's error rate over any window ending at a minute, for burn-rate alerts. A metric SLO
 * divides its numerator and denominator totals. A time-slice SLO judges each 5-minute slice by its
 * condition, a slice without data counting as good (as Datadog does), and counts bad slices among
 * all slices of the window. Minutes before the recording are taken to look like its first hour, so
 * a 48-hour window does not start empty.
 */
final class SloReplay {

  static final int SLICE = 5;
  private static final int BASELINE = 60;

  private final JsonNode slo;
  private final QueryReplay replay;
  private final Map<Integer, double[]> perMinute = new HashMap<>();
  private final Map<Integer, Boolean> badSlices = new HashMap<>();
  private double[] baseline;

  SloReplay(JsonNode slo, QueryReplay replay) {
    this.slo = slo;
    this.replay = replay;
  }

  /** {@code (bad share) / (1 - target)} over the window, or NaN without any data in it. */
  double burnRate(String timeframe, int windowMinutes, int minute) {
    double budget = 1 - SloRules.target(slo, timeframe) / 100;
    return errorRate(windowMinutes, minute) / budget;
  }

  private double errorRate(int window, int minute) {
    if (slo.path("type").asText().equals("time_slice")) {
      int bad = 0; // over the slices that ended within the window
      int first = Math.ceilDiv(minute - window - SLICE + 2, SLICE) * SLICE;
      for (int s = first; s + SLICE - 1 <= minute; s += SLICE) {
        if (s >= 0 && bad(s)) bad++;
      }
      return (double) bad / (window / SLICE);
    }
    double good = 0;
    double total = 0;
    for (int m = minute - window + 1; m <= minute; m++) {
      double[] gt = m < 0 ? baseline() : counts(m);
      good += gt[0];
      total += gt[1];
    }
    return total == 0 ? Double.NaN : 1 - good / total;
  }

  private boolean bad(int sliceStart) {
    return badSlices.computeIfAbsent(
        sliceStart,
        s -> {
          JsonNode spec = slo.at("/sli_specification/time_slice");
          Map<String, QueryExpr> queries = new HashMap<>();
          spec.at("/query/queries")
              .forEach(
                  q ->
                      queries.put(
                          q.path("name").asText(),
                          MetricQueryParser.parseGraph(q.path("query").asText()).expression()));
          var formula =
              MetricQueryParser.parseFormulaExpression(
                  spec.at("/query/formulas/0/formula").asText());
          Double value =
              replay
                  .evaluate(formula.expression(), queries, s, s + SLICE - 1)
                  .get(QueryReplay.NO_GROUP);
          if (value == null) return false;
          double threshold = spec.path("threshold").asDouble();
          return !switch (spec.path("comparator").asText()) {
            case "<=" -> value <= threshold;
            case "<" -> value < threshold;
            case ">=" -> value >= threshold;
            default -> value > threshold;
          };
        });
  }

  private double[] counts(int minute) {
    return perMinute.computeIfAbsent(
        minute,
        m ->
            new double[] {
              total(slo.at("/query/numerator").asText(), m),
              total(slo.at("/query/denominator").asText(), m)
            });
  }

  private double total(String query, int minute) {
    return replay
        .evaluate(MetricQueryParser.parseGraph(query).expression(), minute, minute)
        .getOrDefault(QueryReplay.NO_GROUP, 0.0);
  }

  private double[] baseline() {
    if (baseline == null) {
      baseline = new double[2];
      for (int m = 0; m < BASELINE; m++) {
        baseline[0] += counts(m)[0] / BASELINE;
        baseline[1] += counts(m)[1] / BASELINE;
      }
    }
    return baseline;
  }
}
