package dev.lrcp.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage settings. The database itself is Spring's datasource: an H2 file under {@code directory}
 * by default, PostgreSQL through {@code SPRING_DATASOURCE_URL/USERNAME/PASSWORD}.
 *
 * @param directory where the default H2 file lives (read by {@code spring.datasource.url})
 * @param queueCapacity call records waiting to be written before new ones are dropped
 * @param batchSize most records (and late quality results) written in one flush, one transaction
 * @param flushInterval longest a record waits for its batch to fill; a quality result arriving
 *     within it is stored with its record instead of by a later UPDATE
 * @param retention how long call records (and delivered outbox rows) are kept
 * @param rollupRetention how long hourly rollups are kept
 * @param maintenanceInterval how often rollups are refreshed and retention enforced (0 = never)
 * @param statsInterval how often {@link StorageStats} is published (0 = never)
 */
@ConfigurationProperties("lrcp.storage")
public record StorageProperties(
    @DefaultValue("./data") String directory,
    @DefaultValue("10000") int queueCapacity,
    @DefaultValue("500") int batchSize,
    @DefaultValue("200ms") Duration flushInterval,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("90d") Duration rollupRetention,
    @DefaultValue("5m") Duration maintenanceInterval,
    @DefaultValue("10s") Duration statsInterval) {

  public StorageProperties {
    if (queueCapacity < 1 || batchSize < 1) {
      throw new IllegalArgumentException("lrcp.storage queue-capacity and batch-size must be >= 1");
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("lrcp.storage.retention must be positive");
    }
  }
}
