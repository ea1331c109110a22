package dev.lrcp.insights;

import static dev.lrcp.insights.InsightsAnalyzer.fmt;
import static dev.lrcp.insights.InsightsRequest.or0;

import dev.lrcp.health.HealthProperties;
import dev.lrcp.insights.InsightsRequest.Trend;
import java.util.ArrayList;
import java.util.List;

/** Predictions from trends a caller reports: headroom to the objective, no invented rate. */
final class SuppliedTrends {

  private SuppliedTrends() {}

  static List<Prediction> predictions(InsightsRequest body, HealthProperties objectives) {
    var out = new ArrayList<Prediction>();
    if (body.latencyTrend() == Trend.RISING) {
      double latency = or0(body.avgLatencyMs());
      out.add(
          new Prediction(
              "average latency",
              "supplied aggregates",
              latency,
              objectives.latencySloMs(),
              null,
              null,
              fmt(
                  "average latency is %,.0f ms and rising; %,.0f ms of headroom remain to the %,.0f ms objective",
                  latency,
                  Math.max(0, objectives.latencySloMs() - latency),
                  objectives.latencySloMs())));
    }
    if (body.errorTrend() == Trend.RISING) {
      double errors = or0(body.errorRate());
      out.add(
          new Prediction(
              "error rate",
              "supplied aggregates",
              errors,
              objectives.errorRateSlo(),
              null,
              null,
              fmt(
                  "error rate is %.1f%% and rising against an objective of %.1f%%",
                  errors * 100, objectives.errorRateSlo() * 100)));
    }
    if (body.costTrend() == Trend.RISING) {
      double cost = or0(body.avgCostPerRequest());
      out.add(
          new Prediction(
              "cost per request",
              "supplied aggregates",
              cost,
              objectives.costBadUsd(),
              null,
              null,
              fmt(
                  "cost per request is $%.5f and rising; at $%.3f the cost component reaches 0",
                  cost, objectives.costBadUsd())));
    }
    return out;
  }
}
