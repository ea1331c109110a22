package dev.lrcp.insights;

import dev.lrcp.health.HealthProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Turns observations into recommendations whose every sentence carries its numbers. */
@Component
class InsightsAnalyzer {

  private static final double ATTENTION = 90;

  private final HealthProperties thresholds;

  InsightsAnalyzer(HealthProperties thresholds) {
    this.thresholds = thresholds;
  }

  List<Recommendation> recommend(List<Observation> observations) {
    var all = new ArrayList<Recommendation>();
    observations.forEach(o -> all.addAll(recommend(o)));
    all.sort(
        Comparator.comparingInt((Recommendation r) -> rank(r.priority()))
            .thenComparingDouble(Recommendation::componentScore));
    return all;
  }

  private List<Recommendation> recommend(Observation o) {
    var out = new ArrayList<Recommendation>();
    var in = o.inputs();
    var s = o.score();
    if (s.performance() < ATTENTION) {
      out.add(
          rec(
              o,
              "Reduce " + o.latencyStatistic() + " latency on " + o.scope(),
              "performance",
              s.performance(),
              fmt(
                  "%s latency is %,.0f ms against a target of %,.0f ms (performance %.0f/100)",
                  o.latencyStatistic(),
                  in.latencyMs(),
                  thresholds.latencyGoodMs(),
                  s.performance()),
              "Route this traffic to a faster model or its fallback, lower max output tokens, and check the provider's status for slow responses."));
    }
    if (s.reliability() < ATTENTION) {
      out.add(
          rec(
              o,
              "Stop failing calls on " + o.scope(),
              "reliability",
              s.reliability(),
              fmt(
                  "error rate %.1f%%, retry rate %.1f%%, timeout rate %.1f%% (reliability %.0f/100)",
                  in.errorRate() * 100,
                  in.retryRate() * 100,
                  o.timeoutRate() * 100,
                  s.reliability()),
              "Look at the failing calls' error types in the traces; if they are rate limits, add quota or spread load; if timeouts, raise the timeout or switch to the fallback model."));
    }
    if (s.cost() < ATTENTION) {
      out.add(
          rec(
              o,
              "Cut cost per request on " + o.scope(),
              "cost",
              s.cost(),
              fmt(
                  "cost per request is $%.5f against a target of $%.5f (cost %.0f/100)",
                  in.costPerRequestUsd(), thresholds.costGoodUsd(), s.cost()),
              "Route to a cheaper model where quality holds, cap prompt size and repetitions, and cache repeated prompts."));
    }
    if (s.quality() != null && s.quality() < ATTENTION) {
      String ungrounded =
          o.ungroundedRate() == null
              ? ""
              : fmt(", %.0f%% of answers ungrounded", o.ungroundedRate() * 100);
      out.add(
          rec(
              o,
              "Raise answer quality on " + o.scope(),
              "quality",
              s.quality(),
              fmt("mean quality %.2f%s (quality %.0f/100)", in.quality(), ungrounded, s.quality()),
              "Check retrieval: the documents sent may not contain the answers; tighten the prompt to answer only from the document, or use a stronger model for these questions."));
    }
    if (s.security() < ATTENTION) {
      out.add(
          rec(
              o,
              "Investigate unsafe input on " + o.scope(),
              "security",
              s.security(),
              fmt(
                  "safety blocks %.1f%%, prompt-injection flags %.1f%%, token abuse %.1f%% (security %.0f/100)",
                  in.safetyBlockRate() * 100,
                  in.injectionRate() * 100,
                  in.tokenAbuseRate() * 100,
                  s.security()),
              "Review the flagged prompts' sources, consider the block policy (LRCP_SECURITY_INJECTION_POLICY=block), and rate-limit the clients with token abuse."));
    }
    return out;
  }

  private static Recommendation rec(
      Observation o, String title, String category, double score, String evidence, String action) {
    String priority = score < 60 ? "high" : score < 80 ? "medium" : "low";
    return new Recommendation(title, category, priority, o.scope(), evidence, action, score);
  }

  private static int rank(String priority) {
    return switch (priority) {
      case "high" -> 0;
      case "medium" -> 1;
      default -> 2;
    };
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
