package dev.lrcp.optimization;

import dev.lrcp.storage.CallRecordRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;

/**
 * Implements and reverts recommendations. A control the service owns (an endpoint's output cap) is
 * applied and removed here; anything else (a model change until routing overrides exist, caching
 * configuration, prompt changes in the caller) is recorded as done by a person. Every change goes
 * to the audit trail, and the measured baseline of the week before is stored with it.
 */
@Service
class Implementer {

  static final Duration BASELINE = Duration.ofDays(7);
  static final String DEFAULT_ACTOR = "api";

  private final Recommendations recommendations;
  private final RecommendationStore store;
  private final OutputCaps caps;
  private final Implementations audit;
  private final CallRecordRepository records;
  private final Clock clock;

  Implementer(
      Recommendations recommendations,
      RecommendationStore store,
      OutputCaps caps,
      Implementations audit,
      CallRecordRepository records,
      Clock clock) {
    this.recommendations = recommendations;
    this.store = store;
    this.caps = caps;
    this.audit = audit;
    this.records = records;
    this.clock = clock;
  }

  synchronized Recommendation implement(String id, ImplementRequest request) {
    Recommendation r = recommendations.find(id);
    Problems.requireSameId(request.recommendationId(), id);
    if (!r.status().equals(Recommendation.PENDING) && !r.status().equals(Recommendation.REVERTED)) {
      throw Problems.unprocessable("recommendation " + id + " is " + r.status());
    }
    Instant now = clock.instant();
    String actor = request.implementedBy() == null ? DEFAULT_ACTOR : request.implementedBy();
    var baseline = new LinkedHashMap<String, Object>();
    if (request.baselineMetrics() != null) {
      baseline.putAll(request.baselineMetrics());
    }
    baseline.put("measured", measuredBaseline(r, now));
    apply(r, actor, now);
    audit.add(new Implementations.Entry(id, Implementations.IMPLEMENT, actor, r.control(), now));
    Recommendation done = r.implemented(now, actor, baseline);
    store.update(done);
    return done;
  }

  /**
   * Applies the control the service owns. A {@code model} control is only recorded for now: a
   * routing override is the routing module's to apply, and this is the one place to call it.
   */
  private void apply(Recommendation r, String actor, Instant now) {
    Control c = r.control();
    if (c == null) {
      return;
    }
    switch (c.type()) {
      case Control.MAX_TOKENS ->
          caps.set(
              new OutputCaps.Cap(c.endpoint(), Integer.parseInt(c.value()), r.id(), actor, now));
      case Control.MODEL -> {}
      default -> throw new IllegalStateException("unknown control " + c.type());
    }
  }

  synchronized Recommendation revert(String id, String actor) {
    Recommendation r = recommendations.find(id);
    if (!r.status().equals(Recommendation.IMPLEMENTED)) {
      throw Problems.unprocessable(
          "recommendation " + id + " is " + r.status() + ", not implemented");
    }
    if (r.control() != null && r.control().appliedByService()) {
      caps.remove(r.control().endpoint(), id);
    }
    String who = actor == null ? DEFAULT_ACTOR : actor;
    audit.add(
        new Implementations.Entry(id, Implementations.REVERT, who, r.control(), clock.instant()));
    Recommendation reverted = Generated.withStatus(r, Recommendation.REVERTED);
    store.update(reverted);
    return reverted;
  }

  private Map<String, Object> measuredBaseline(Recommendation r, Instant now) {
    var meter = new RoiMeter(new SplittableRandom(now.toEpochMilli()));
    Roi.WindowFigures f =
        meter.figures(
            now.minus(BASELINE),
            now,
            RoiMeter.scoped(r, records.between(now.minus(BASELINE), now)));
    var m = new LinkedHashMap<String, Object>();
    m.put("from", f.from().toString());
    m.put("to", f.to().toString());
    m.put("requests", f.requests());
    m.put("cost_per_request", f.costPerRequestUsd() == null ? null : f.costPerRequestUsd().usd());
    m.put("total_cost", f.totalCostUsd());
    m.put("mean_quality", f.meanQuality());
    m.put("p95_latency_ms", f.p95LatencyMs());
    m.put("error_rate", f.errorRate());
    return m;
  }
}
