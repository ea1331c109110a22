package dev.lrcp.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.cluster.ClusterLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every replica finds the same stories, so only the lease holder announces them, each once. */
class StoryReporterTests {

  final LiveAnomaliesTests scenario = new LiveAnomaliesTests();
  final List<Object> told = new ArrayList<>();
  final Lease lease = new Lease();
  final StoryReporter reporter =
      new StoryReporter(scenario.anomalies, told::add, scenario.clock, lease);

  @Test
  void onlyTheLeaseHolderAnnouncesAStoryAndOnlyOnce() {
    var random = new SplittableRandom(8);
    scenario.traffic(random, Duration.ofMinutes(25), 1);
    scenario.traffic(random, Duration.ofMinutes(2), 4);

    reporter.report();
    assertThat(told).isEmpty();

    lease.held = true;
    reporter.report();
    int first = told.size();
    reporter.report();

    assertThat(told).hasSize(first);
    assertThat(told)
        .filteredOn(AnomalyStoryTold.class::isInstance)
        .map(AnomalyStoryTold.class::cast)
        .anySatisfy(
            s -> {
              assertThat(s.measure()).isEqualTo("p95 latency");
              assertThat(s.model()).isEqualTo(LiveAnomaliesTests.PRO);
            });
  }

  static final class Lease implements ClusterLease {
    boolean held;

    @Override
    public boolean held() {
      return held;
    }

    @Override
    public boolean tryHold() {
      return held;
    }

    @Override
    public void release() {}

    @Override
    public Optional<String> holder() {
      return Optional.empty();
    }

    @Override
    public String replica() {
      return "test";
    }

    @Override
    public String kind() {
      return "test";
    }
  }
}
