package dev.lrcp.optimization;

import dev.lrcp.routing.ModelChoice;
import dev.lrcp.routing.ModelChoices;
import dev.lrcp.storage.CallRecordRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;

/**
 * Implements and reverts recommendations. A control the service owns (an endpoint's output cap or
 * thinking budget, or the model its routing policy calls) is applied and removed here; anything
 * else (caching configuration, prompt changes in the caller) is recorded as done by a person. Every
 * change goes to the audit trail, and the measured baseline of the week before is stored with it.
 */
@Service
class Implementer {

  static final Duration BASELINE = Duration.ofDays(7);
  static final String DEFAULT_ACTOR = "api";

  private final Recommendations recommendations;
  private final RecommendationStore store;
  private final Limits limits;
  private final ModelChoices choices;
  private final Implementations audit;
  private final CallRecordRepository records;
  private final Clock clock;

  Implementer(
      Recommendations recommendations,
      RecommendationStore store,
      Limits limits,
      ModelChoices choices,
      Implementations audit,
      CallRecordRepository records,
      Clock clock) {
    this.recommendations = recommendations;
    this.store = store;
    this.limits = limits;
    this.choices = choices;
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

  /** Applies the control the service owns, if any. */
  private void apply(Recommendation r, String actor, Instant now) {
    Control c = r.control();
    if (c == null) {
      return;
    }
    if (c.limit()) {
      limits.set(
          new Limits.Limit(
              c.endpoint(), c.type(), Integer.parseInt(c.value()), r.id(), actor, now));
    } else if (c.type().equals(Control.MODEL)) {
      choices.choose(
          new ModelChoice.New(
              c.endpoint(),
              c.value(),
              "recommendation " + r.id() + ": " + r.title(),
              source(r),
              actor));
    } else {
      throw new IllegalStateException("unknown control " + c.type());
    }
  }

  synchronized Recommendation revert(String id, String actor) {
    Recommendation r = recommendations.find(id);
    if (!r.status().equals(Recommendation.IMPLEMENTED)) {
      throw Problems.unprocessable(
          "recommendation " + id + " is " + r.status() + ", not implemented");
    }
    String who = actor == null ? DEFAULT_ACTOR : actor;
    Control c = r.control();
    if (c != null && c.limit()) {
      limits.remove(c.endpoint(), c.type(), id);
    } else if (c != null && c.type().equals(Control.MODEL)) {
      choices.clear(c.endpoint(), source(r), who);
    }
    audit.add(new Implementations.Entry(id, Implementations.REVERT, who, c, clock.instant()));
    Recommendation reverted = Generated.withStatus(r, Recommendation.REVERTED);
    store.update(reverted);
    return reverted;
  }

  /** What a model choice names as its source, so only this recommendation's revert clears it. */
  private static String source(Recommendation r) {
    return "recommendation " + r.id();
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
