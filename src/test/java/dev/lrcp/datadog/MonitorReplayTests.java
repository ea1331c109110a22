package dev.lrcp.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped monitors replayed against recorded scenarios ({@code src/test/resources/datadog/
 * replay}): who would have been paged, per environment. {@code ReplayReport.main} prints the same
 * table for any assets folder.
 */
class MonitorReplayTests {

  private static final List<Asset> ASSETS = AssetLoader.load(AssetValidationTests.ASSETS);

  @Test
  void aProviderOutagePagesOnceInProductionAndNowhereElse() {
    ReplayReport outage = ReplayReport.of("provider-outage", ASSETS);
    assertThat(outage.pages("prod")).isEqualTo(1);
    assertThat(outage.notified("prod", true)).containsExactly("availability-fast-burn");
    assertThat(outage.environments())
        .contains("staging")
        .filteredOn(env -> !env.equals("prod"))
        .allSatisfy(env -> assertThat(outage.pages(env)).as(env).isZero());
    assertThat(outage.notified("prod", false))
        .contains("error-rate", "circuit-breaker-open", "availability-slow-burn");
    assertThat(outage.notified("staging", false)).contains("error-rate", "circuit-breaker-open");
  }

  @Test
  void aLatencySpikePagesOnceThroughTheLatencySlo() {
    ReplayReport spike = ReplayReport.of("latency-spike", ASSETS);
    assertThat(spike.pages("prod")).isEqualTo(1);
    assertThat(spike.notified("prod", true)).containsExactly("latency-fast-burn");
    assertThat(spike.notified("prod", false)).contains("latency-p95");
    assertThat(spike.pages("staging")).isZero();
  }

  @Test
  void aQuietNightAfterOneSlowCallNotifiesNobody() {
    ReplayReport night = ReplayReport.of("quiet-night", ASSETS);
    assertThat(night.result().notifications()).allMatch(n -> n.handles().isEmpty());
  }

  @Test
  void aDrillInProductionNotifiesNobody() {
    ReplayReport drill = ReplayReport.of("drill", ASSETS);
    assertThat(drill.result().notifications()).allMatch(n -> n.handles().isEmpty());
  }

  @Test
  void onlyTheAnomalyMonitorIsLeftOutOfTheReplay() {
    assertThat(ReplayReport.of("drill", ASSETS).result().notReplayed())
        .containsExactly("cost-spike-anomaly");
  }
}
