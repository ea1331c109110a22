package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics one stream of calls emits per minute, as {@code CallMetrics} does for each call fact:
 * {@code llm.request.count} by outcome, errors by kind, latency and time to first token of answered
 * calls, retries, safety blocks, spend, grounding flags of scored answers and unscored answers,
 * plus the LLM span each call sends. Fractional rates carry over between minutes.
 */
final class ReplayCalls {

  static final List<String> TAGS = List.of("env", "endpoint", "model", "provider", "traffic");

  private final ReplaySeries series;
  private final Map<String, String> tags;
  private final Map<String, Double> carry = new HashMap<>();

  ReplayCalls(ReplaySeries series, Map<String, String> tags) {
    this.series = series;
    this.tags = Map.copyOf(tags);
  }

  void minute(int m, JsonNode s) {
    int calls = whole("calls", s.path("calls_per_minute").asDouble());
    int errors = whole("errors", calls * s.path("error_share").asDouble());
    int answered = calls - errors;
    int blocked = whole("blocked", answered * s.path("safety_share").asDouble());
    int unscored = whole("unscored", answered * s.path("unscored_share").asDouble());
    double lost = 1 - s.path("span_loss_share").asDouble();
    count(m, "llm.request.count", with("outcome", "success"), (answered - blocked) * lost);
    count(m, "llm.request.count", with("outcome", "safety_block"), blocked * lost);
    count(m, "llm.request.count", with("outcome", "error"), errors * lost);
    String kind = s.path("error_type").asText("upstream_error");
    count(m, "llm.error.count", with("error_type", kind), errors);
    if (kind.equals("timeout")) count(m, "llm.timeout.count", tags, errors);
    count(m, "llm.safety_block.count", tags, blocked);
    count(m, "llm.retry_count", tags, calls * s.path("retries_per_call").asDouble());
    count(m, "llm.cost.usd", tags, answered * s.path("cost_per_call").asDouble(0.0005));
    count(m, "llm.quality.unscored.count", with("reason", "budget"), unscored);
    spread(
        m, "llm.request.latency_ms", with("outcome", "success"), answered, range(s, "latency_ms"));
    spread(
        m,
        "llm.request.latency_ms",
        with("outcome", "error"),
        errors,
        range(s, "error_latency_ms"));
    spread(
        m, "llm.time_to_first_token_ms", with("outcome", "success"), answered, range(s, "ttft_ms"));
    if (s.has("ungrounded_share")) {
      int scored = answered - unscored;
      int ungrounded = whole("ungrounded", scored * s.path("ungrounded_share").asDouble());
      for (int i = 0; i < scored; i++) {
        series.sample("llm.ungrounded_answer_flag", tags, m, i < ungrounded ? 1 : 0);
      }
    }
    Map<String, String> span =
        new HashMap<>(Map.of("span_kind", "llm", "ml_app", tags.get("service")));
    span.put("service", tags.get("service"));
    span.put("env", tags.get("env"));
    span.put("model_name", tags.get("model"));
    count(m, "ml_obs.span", span, calls);
  }

  /** One answered call, e.g. the single slow call of a quiet night. */
  void one(int m, JsonNode call) {
    count(m, "llm.request.count", with("outcome", "success"), 1);
    count(m, "llm.retry_count", tags, 0);
    double latency = call.path("latency_ms").asDouble();
    series.sample("llm.request.latency_ms", with("outcome", "success"), m, latency);
    series.sample("llm.time_to_first_token_ms", with("outcome", "success"), m, latency);
  }

  /** Whole calls this minute out of a fractional rate, the remainder carried to the next. */
  private int whole(String what, double rate) {
    double total = carry.getOrDefault(what, 0.0) + rate;
    int whole = (int) Math.floor(total + 1e-9);
    carry.put(what, total - whole);
    return whole;
  }

  private void count(int m, String metric, Map<String, String> t, double value) {
    if (value > 0 || metric.equals("llm.retry_count")) series.count(metric, t, m, value);
  }

  private void spread(int m, String metric, Map<String, String> t, int n, double[] range) {
    for (int i = 0; i < n; i++) {
      series.sample(metric, t, m, range[0] + (range[1] - range[0]) * (i + 0.5) / n);
    }
  }

  private static double[] range(JsonNode s, String field) {
    JsonNode r = s.has(field) ? s.get(field) : s.path("latency_ms");
    return new double[] {r.path(0).asDouble(), r.path(1).asDouble()};
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> t = new HashMap<>(tags);
    t.put(key, value);
    return t;
  }
}
