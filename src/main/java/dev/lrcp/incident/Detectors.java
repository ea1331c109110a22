package dev.lrcp.incident;

import static java.util.Comparator.comparingDouble;

import dev.lrcp.anomaly.Measure;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.incident.Finding.Measurement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The detection rules: each turns the calls of one scope in the current window into a {@link
 * Finding} when its statistic crosses the configured threshold. Severity grows with magnitude.
 */
final class Detectors {

  private final IncidentProperties properties;
  private final CostSpikeDetector costSpike;
  private final DriftDetector drift;

  Detectors(IncidentProperties properties) {
    this.properties = properties;
    this.costSpike = new CostSpikeDetector(properties);
    this.drift = new DriftDetector(properties, this);
  }

  boolean enabled(Rule rule) {
    return properties.enabled(rule);
  }

  Optional<Finding> check(Rule rule, Scope scope, List<CallRecord> calls, List<CallRecord> base) {
    double threshold = properties.threshold(rule);
    return switch (rule) {
      case LATENCY_SLO -> latency(scope, calls, base, threshold);
      case ERROR_RATE -> errors(scope, calls, base, threshold);
      case RETRY_STORM -> retries(scope, calls, threshold);
      case COST_SPIKE -> costSpike.check(scope, calls, base);
      case QUALITY_DROP -> quality(scope, calls, threshold);
      case QUALITY_DRIFT -> drift.check(scope, calls, base);
      case SECURITY_ATTACK -> flagged(rule, scope, calls, threshold, CallRecord::injectionFlagged);
      case TOKEN_ABUSE -> flagged(rule, scope, calls, threshold, CallRecord::tokenAbuse);
      case MANUAL -> Optional.empty();
    };
  }

  private Optional<Finding> latency(
      Scope scope, List<CallRecord> calls, List<CallRecord> base, double slo) {
    if (calls.size() < properties.minRequests()) {
      return Optional.empty();
    }
    double p95 = percentile(calls.stream().mapToDouble(c -> c.numbers().latencyMs()).toArray(), 95);
    if (p95 <= slo) {
      return Optional.empty();
    }
    double ratio = p95 / slo;
    var severity = ratio >= 2 ? Severity.SEV_1 : ratio >= 4.0 / 3 ? Severity.SEV_2 : Severity.SEV_3;
    String title =
        String.format(
            Locale.US, "p95 latency %s is %,.0f ms, SLO %,.0f ms", scope.phrase(), p95, slo);
    var m =
        new Measurement("llm.request.latency_ms", "p95", p95, slo, "ms", calls.size(), p95(base));
    return finding(
        Rule.LATENCY_SLO,
        scope,
        severity,
        title,
        ratio,
        m,
        Measure.LATENCY,
        worst(calls, c -> true, c -> c.numbers().latencyMs()));
  }

  private Optional<Finding> errors(
      Scope scope, List<CallRecord> calls, List<CallRecord> base, double threshold) {
    if (calls.size() < properties.minRequests()) {
      return Optional.empty();
    }
    long failed = calls.stream().filter(CallRecord::failed).count();
    double rate = (double) failed / calls.size();
    if (rate <= threshold) {
      return Optional.empty();
    }
    var severity = rate >= 0.5 ? Severity.SEV_1 : rate >= 0.2 ? Severity.SEV_2 : Severity.SEV_3;
    String title =
        String.format(
            Locale.US,
            "error rate %s is %.1f%% (%d of %d calls failed), threshold %.1f%%",
            scope.phrase(),
            rate * 100,
            failed,
            calls.size(),
            threshold * 100);
    var m =
        new Measurement(
            "llm.error.count",
            "error_rate",
            rate,
            threshold,
            "ratio",
            calls.size(),
            errorRate(base));
    return finding(
        Rule.ERROR_RATE,
        scope,
        severity,
        title,
        rate / threshold,
        m,
        Measure.ERROR_RATE,
        worst(calls, CallRecord::failed, c -> c.at().toEpochMilli()));
  }

  private Optional<Finding> retries(Scope scope, List<CallRecord> calls, double threshold) {
    if (calls.size() < properties.minRequests()) {
      return Optional.empty();
    }
    double perCall = calls.stream().mapToInt(c -> c.numbers().retryCount()).average().orElse(0);
    if (perCall <= threshold) {
      return Optional.empty();
    }
    var severity = perCall >= 4 * threshold ? Severity.SEV_2 : Severity.SEV_3;
    String title =
        String.format(
            Locale.US,
            "retry storm %s: %.2f retries per call, threshold %.2f",
            scope.phrase(),
            perCall,
            threshold);
    var m =
        new Measurement(
            "llm.retry_count", "mean", perCall, threshold, "retries", calls.size(), null);
    return finding(
        Rule.RETRY_STORM,
        scope,
        severity,
        title,
        perCall / threshold,
        m,
        Measure.RETRIES,
        worst(calls, c -> c.numbers().retryCount() > 0, c -> c.numbers().retryCount()));
  }

  private Optional<Finding> quality(Scope scope, List<CallRecord> calls, double minGrounding) {
    var scored = calls.stream().filter(c -> c.groundingScore() != null).toList();
    if (scored.size() < properties.minRequests()) {
      return Optional.empty();
    }
    double mean = scored.stream().mapToDouble(CallRecord::groundingScore).average().orElse(1);
    if (mean >= minGrounding) {
      return Optional.empty();
    }
    var severity = mean < minGrounding * 0.6 ? Severity.SEV_2 : Severity.SEV_3;
    String title =
        String.format(
            Locale.US,
            "mean grounding score %s is %.2f, threshold %.2f",
            scope.phrase(),
            mean,
            minGrounding);
    var m =
        new Measurement(
            "llm.grounding_score", "mean", mean, minGrounding, "score", scored.size(), null);
    return finding(
        Rule.QUALITY_DROP,
        scope,
        severity,
        title,
        minGrounding / Math.max(mean, 0.01),
        m,
        Measure.UNGROUNDED,
        worst(scored, c -> true, c -> -c.groundingScore()));
  }

  private Optional<Finding> flagged(
      Rule rule,
      Scope scope,
      List<CallRecord> calls,
      double threshold,
      Predicate<CallRecord> flag) {
    if (calls.size() < properties.minRequests()) {
      return Optional.empty();
    }
    long n = calls.stream().filter(flag).count();
    double rate = (double) n / calls.size();
    if (rate <= threshold) {
      return Optional.empty();
    }
    boolean injection = rule == Rule.SECURITY_ATTACK;
    var severity =
        rate >= 0.5
            ? (injection ? Severity.SEV_1 : Severity.SEV_2)
            : injection ? Severity.SEV_2 : Severity.SEV_3;
    String what = injection ? "prompt injection" : "token abuse";
    String title =
        String.format(
            Locale.US,
            "%s %s: %.0f%% of calls flagged (%d of %d), threshold %.0f%%",
            what,
            scope.phrase(),
            rate * 100,
            n,
            calls.size(),
            threshold * 100);
    var m =
        new Measurement(
            injection ? "llm.security.prompt_injection_risk" : "llm.security.token_abuse",
            "flagged_rate",
            rate,
            threshold,
            "ratio",
            calls.size(),
            null);
    return finding(
        rule,
        scope,
        severity,
        title,
        rate / threshold,
        m,
        injection ? Measure.INJECTION : Measure.TOKEN_ABUSE,
        worst(calls, flag, c -> c.at().toEpochMilli()));
  }

  private Optional<Finding> finding(
      Rule rule,
      Scope scope,
      Severity severity,
      String title,
      double magnitude,
      Measurement m,
      Measure measure,
      List<CallRecord> samples) {
    return Optional.of(new Finding(rule, scope, severity, title, magnitude, m, measure, samples));
  }

  List<CallRecord> worst(
      List<CallRecord> calls, Predicate<CallRecord> which, ToDoubleFunction<CallRecord> key) {
    return calls.stream()
        .filter(which)
        .sorted(comparingDouble(key).reversed())
        .limit(properties.samples())
        .toList();
  }

  /** The baseline's value of the statistic, for comparison; null without baseline calls. */
  private static Double p95(List<CallRecord> base) {
    return base.isEmpty()
        ? null
        : percentile(base.stream().mapToDouble(c -> c.numbers().latencyMs()).toArray(), 95);
  }

  private static Double errorRate(List<CallRecord> base) {
    return base.isEmpty()
        ? null
        : (double) base.stream().filter(CallRecord::failed).count() / base.size();
  }

  /** Nearest-rank percentile. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
  }
}
