package dev.lrcp.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admission settings ({@code LRCP_ADMISSION_*}).
 *
 * @param syncInterval how often a replica reloads keys and application limits from the database (so
 *     a key revoked elsewhere stops here within it) and reports settled spend
 */
@ConfigurationProperties("lrcp.admission")
record AdmissionProperties(@DefaultValue("1s") Duration syncInterval) {

  AdmissionProperties {
    if (syncInterval == null || syncInterval.isNegative() || syncInterval.isZero()) {
      throw new IllegalArgumentException("lrcp.admission.sync-interval must be positive");
    }
  }
}
