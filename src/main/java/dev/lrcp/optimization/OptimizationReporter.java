package dev.lrcp.optimization;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Counts recommendations and their savings for telemetry every five minutes. */
@Component
class OptimizationReporter {

  static final String PERSON_KIND = "person";
  static final Duration REALISED_WINDOW = Duration.ofDays(1);
  private static final Logger log = LoggerFactory.getLogger(OptimizationReporter.class);

  private final Recommendations recommendations;
  private final RoiReports reports;
  private final ApplicationEventPublisher events;

  OptimizationReporter(
      Recommendations recommendations, RoiReports reports, ApplicationEventPublisher events) {
    this.recommendations = recommendations;
    this.reports = reports;
    this.events = events;
  }

  @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
  void report() {
    try {
      events.publishEvent(count());
    } catch (DataAccessException e) {
      log.warn("optimisation counts not reported: {}", e.toString());
    }
  }

  OptimizationCounted count() {
    var tallies = new LinkedHashMap<String, double[]>();
    for (Kind k : Kind.values()) {
      tallies.put(k.tag(), new double[4]);
    }
    tallies.put(PERSON_KIND, new double[4]);
    for (Recommendation r : recommendations.list(null, null, null)) {
      double[] t = tallies.get(kindOf(r));
      if (t == null) {
        continue;
      }
      if (r.status().equals(Recommendation.PENDING)) {
        t[0]++;
        t[2] += r.monthlySavings() == null ? 0 : r.monthlySavings().usd();
      } else if (r.status().equals(Recommendation.IMPLEMENTED)) {
        t[1]++;
        Roi roi = reports.measure(r, REALISED_WINDOW);
        t[3] += roi.realisedMonthly() == null ? 0 : roi.realisedMonthly().usd();
      }
    }
    List<OptimizationCounted.Count> counts = new ArrayList<>();
    for (Map.Entry<String, double[]> e : tallies.entrySet()) {
      double[] t = e.getValue();
      counts.add(new OptimizationCounted.Count(e.getKey(), (int) t[0], (int) t[1], t[2], t[3]));
    }
    return new OptimizationCounted(counts);
  }

  private static String kindOf(Recommendation r) {
    return r.source().equals(Recommendation.PERSON) ? PERSON_KIND : r.category();
  }
}
