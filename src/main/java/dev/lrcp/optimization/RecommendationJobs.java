package dev.lrcp.optimization;

import dev.lrcp.cluster.ClusterLease;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Refreshes the generated recommendations over the last week every hour, on the lease holder. */
@Component
class RecommendationJobs {

  private static final Logger log = LoggerFactory.getLogger(RecommendationJobs.class);

  private final Recommendations recommendations;
  private final ClusterLease lease;

  RecommendationJobs(Recommendations recommendations, ClusterLease lease) {
    this.recommendations = recommendations;
    this.lease = lease;
  }

  @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
  void refresh() {
    if (!lease.held()) return;
    try {
      int found = recommendations.generate(Duration.ofDays(7)).size();
      log.info("optimisation recommendations refreshed: {} supported by the last 7 days", found);
    } catch (DataAccessException e) {
      log.warn("optimisation recommendations not refreshed: {}", e.toString());
    }
  }
}
