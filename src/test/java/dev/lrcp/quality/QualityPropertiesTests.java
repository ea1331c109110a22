package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.lrcp.EnvironmentVariables;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityPropertiesTests {

  static QualityProperties bind(Map<String, Object> env) {
    return EnvironmentVariables.bind("lrcp.quality", QualityProperties.class, env);
  }

  static QualityProperties withShare(int threads, double share) {
    return new QualityProperties(0.5, threads, 256, share, true, Duration.ofSeconds(20), true);
  }

  @Test
  void backgroundScoringGetsAQuarterCoreUnlessConfigured() {
    assertThat(bind(Map.of()).scoringCpuShare()).isEqualTo(0.25);
    assertThat(bind(Map.of("LRCP_QUALITY_SCORING_CPU_SHARE", "0.5")).scoringCpuShare())
        .isEqualTo(0.5);
  }

  @Test
  void backgroundScoringRunsInTheIdleClassUnlessTurnedOff() {
    assertThat(bind(Map.of()).scoringIdle()).isTrue();
    assertThat(bind(Map.of("LRCP_QUALITY_SCORING_IDLE", "false")).scoringIdle()).isFalse();
  }

  @Test
  void cpuShareIsPositiveAndAtMostOneCorePerThread() {
    assertThat(withShare(2, 2.0).scoringCpuShare()).isEqualTo(2.0);
    assertThatIllegalArgumentException().isThrownBy(() -> withShare(1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> withShare(1, 1.5));
    assertThatIllegalArgumentException().isThrownBy(() -> withShare(1, Double.NaN));
  }
}
