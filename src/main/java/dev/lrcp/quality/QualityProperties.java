package dev.lrcp.quality;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Quality scoring settings ({@code LRCP_QUALITY_*}).
 *
 * @param ungroundedThreshold an answer with a grounding score below this is flagged ungrounded
 * @param scoringThreads threads that score answers off the caller's thread (streams)
 * @param scoringQueue answers waiting for those threads; beyond it new ones are left unscored,
 *     never blocking the caller
 * @param scoringCpuShare CPU those threads may use together, in cores (0.25 = a quarter of one
 *     core, at most one core per thread), measured as their CPU time; beyond it new answers are
 *     left unscored, so under sustained load background scoring is a sample
 * @param scoringIdle true runs those threads in Linux's {@code SCHED_IDLE} class: they use only CPU
 *     no request wants (fewer answers scored on a saturated machine, none of the requests' latency)
 * @param modelWait how long a scoring call waits for the embedding model while it loads at start-up
 *     before falling back to lexical evidence only
 * @param embeddings false skips loading MiniLM (≈ 200 MB of native memory): similarity then uses
 *     content-word overlap, which barely changes grounding on the development data
 *     (docs/signals.md)
 */
@Validated
@ConfigurationProperties("lrcp.quality")
record QualityProperties(
    @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double ungroundedThreshold,
    @DefaultValue("1") @Min(1) int scoringThreads,
    @DefaultValue("256") @Min(1) int scoringQueue,
    @DefaultValue("0.25") double scoringCpuShare,
    @DefaultValue("true") boolean scoringIdle,
    @DefaultValue("20s") Duration modelWait,
    @DefaultValue("true") boolean embeddings) {

  QualityProperties {
    if (!(scoringCpuShare > 0 && scoringCpuShare <= scoringThreads)) {
      throw new IllegalArgumentException(
          "lrcp.quality.scoring-cpu-share must be > 0 and at most scoring-threads");
    }
  }
}
